using System.Collections.Generic;
using Demo.Util;

namespace Demo.Scores
{
    /// <summary>Keeps a running list of scores.</summary>
    public interface IListener
    {
        void OnScore(int score);
    }

    [Serializable]
    public class ScoreBoard : IListener
    {
        private readonly List<int> _scores = new();

        public ScoreBoard(int limit)
        {
            Limit = limit;
        }

        public int Limit { get; }

        public void OnScore(int score)
        {
            if (_scores.Count < Limit)
            {
                _scores.Add(score);
            }
        }

        public int Best() => _scores.Count == 0 ? 0 : Max(_scores);

        private static int Max(List<int> scores)
        {
            int Larger(int a, int b) => a > b ? a : b;
            var best = 0;
            foreach (var s in scores) best = Larger(best, s);
            return best;
        }
    }

    public struct Score { public int Points; }

    public enum Level { Low, High }

    public record Entry(string Name, int Points);
}
