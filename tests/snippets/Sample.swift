import Foundation
import DemoUtil

/// Keeps a running list of scores.
protocol Listener {
    func onScore(_ score: Int)
}

@available(macOS 10.15, *)
public final class ScoreBoard: Listener {
    private var scores: [Int] = []
    let limit: Int

    init(limit: Int) {
        self.limit = limit
    }

    func onScore(_ score: Int) {
        if scores.count < limit {
            scores.append(score)
        }
    }

    var best: Int {
        return scores.max() ?? 0
    }
}

extension ScoreBoard: CustomStringConvertible {
    var description: String { "board of \(best) at most" }

    func reset() -> Bool {
        scores.removeAll()
        return true
    }
}

struct Score {
    var points = 0
}

enum Level {
    case low, high
}

func best(_ scores: [Int]) -> Int {
    return scores.reduce(0) { max($0, $1) }
}
