package demo.scores

import scala.collection.mutable
import demo.util.{Clock, Format => F}

/** Keeps a running list of scores. */
trait Listener {
  def onScore(score: Int): Unit
  def name: String = "listener"
}

@SerialVersionUID(1L)
class ScoreBoard(limit: Int) extends Listener {
  private val scores = mutable.ArrayBuffer[Int]()

  def this() = this(100)

  override def onScore(score: Int): Unit = {
    if (scores.size < limit) {
      scores += score
    }
  }

  def best: Int = scores.foldLeft(0)(math.max)
}

object ScoreBoard {
  def empty: ScoreBoard = new ScoreBoard(0)
}

case class Score(points: Int = 0, label: String = s"score")

enum Level {
  case Low, High
}
