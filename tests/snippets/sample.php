<?php

namespace Demo\Scores;

use Demo\Util\Clock;
use Demo\Util\{Format, Round};

/** Keeps a running list of scores. */
interface Listener
{
    public function onScore(int $score): void;
}

abstract class Board
{
    abstract protected function limit(): int;
}

#[Tracked]
final class ScoreBoard extends Board
{
    private array $scores = [];

    public function __construct(private Clock $clock)
    {
    }

    public function add(int $score): static
    {
        if (count($this->scores) < $this->limit()) {
            $this->scores[] = $score;
        }
        return $this;
    }

    protected function limit(): int
    {
        return 100;
    }
}

trait Describes
{
    public function describe(): string
    {
        return "board of {$this->best()} at most";
    }
}

enum Level: string
{
    case Low = 'low';
    case High = 'high';
}

function best(array $scores): int
{
    return $scores ? max($scores) : 0;
}
