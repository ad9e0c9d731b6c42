package demo.scores

import kotlin.math.max
import demo.util.*

/** Keeps a running list of scores. */
@JvmInline
value class Score(val points: Int)

interface Listener {
    fun onScore(score: Score)
    fun name(): String = "listener"
}

class ScoreBoard(private val limit: Int) {
    private val scores = mutableListOf<Score>()

    constructor() : this(100)

    fun add(score: Score) {
        if (scores.size < limit) {
            scores.add(score)
        }
    }

    fun best(): Int = scores.fold(0) { acc, s -> max(acc, s.points) }

    companion object {
        fun empty(): ScoreBoard = ScoreBoard(0)
    }
}

object Registry {
    val boards = HashMap<String, ScoreBoard>()
}

enum class Level { LOW, HIGH }

fun ScoreBoard.describe(): String {
    return "board of ${best()} at most"
}
