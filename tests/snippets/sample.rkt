#lang racket
;; Word frequencies.

(define (word-counts text)
  (for/fold ([counts (hash)])
            ([w (string-split (string-downcase text))])
    (hash-update counts w add1 0)))

(define (top-words text n)
  (take (sort (hash->list (word-counts text)) > #:key cdr)
        (min n (hash-count (word-counts text)))))

(struct entry (word count) #:transparent)

(define/contract (safe-div a b)
  (-> number? number? (or/c number? #f))
  (if (zero? b) #f (/ a b)))
