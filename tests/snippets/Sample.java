package demo;

import java.util.ArrayList;
import java.util.List;

/** Keeps a running list of scores. */
public class ScoreBoard {
    private final List<Integer> scores = new ArrayList<>();

    public ScoreBoard(int... initial) {
        for (int s : initial) {
            scores.add(s);
        }
    }

    public double average() {
        if (scores.isEmpty()) return 0.0;
        long total = 0L;
        for (int s : scores) total += s;
        return (double) total / scores.size();
    }

    interface Listener {
        void onScore(int score);
    }
}
