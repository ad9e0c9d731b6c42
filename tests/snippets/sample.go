// Package queue is a tiny bounded FIFO.
package queue

import "errors"

var ErrFull = errors.New("queue full")

type Queue struct {
	items []int
	limit int
}

func New(limit int) *Queue {
	return &Queue{limit: limit}
}

func (q *Queue) Push(v int) error {
	if len(q.items) >= q.limit {
		return ErrFull
	}
	q.items = append(q.items, v)
	return nil
}

type Sizer interface{ Len() int }

func (q *Queue) Len() int { return len(q.items) }
