;;; Association-list helpers.
(define (alist-update key value alist)
  (cond ((null? alist) (list (cons key value)))
        ((equal? (caar alist) key) (cons (cons key value) (cdr alist)))
        (else (cons (car alist) (alist-update key value (cdr alist))))))

(define (alist-keys alist)
  (map car alist))

(define-syntax swap!
  (syntax-rules ()
    ((_ a b) (let ((tmp a)) (set! a b) (set! b tmp)))))

(define default-alist '((a . 1) (b . #t) (c . "three")))
