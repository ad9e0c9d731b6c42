;;;; Tiny stack machine.
(defpackage :stack-machine (:use :cl))
(in-package :stack-machine)

(defstruct machine (stack nil) (pc 0))

(defun push-value (m value)
  "Push VALUE on the stack of M."
  (push value (machine-stack m))
  m)

(defun run (m program)
  (loop for op in program
        do (case (car op)
             (:push (push-value m (cadr op)))
             (:add (push-value m (+ (pop (machine-stack m)) (pop (machine-stack m)))))
             (t (error "unknown op ~a" op))))
  (first (machine-stack m)))

(defmacro with-machine ((var) &body body)
  `(let ((,var (make-machine))) ,@body))
