;;; notes.el --- quick notes  -*- lexical-binding: t -*-

(defvar notes-directory "~/notes/"
  "Where notes live.")

(defun notes-file (name)
  "Return the path of note NAME."
  (expand-file-name (concat name ".org") notes-directory))

(defun notes-open (name)
  (interactive "sNote: ")
  (find-file (notes-file name))
  (when (= (buffer-size) 0)
    (insert "#+TITLE: " name "\n")))

(cl-defun notes-list (&key (sort t))
  (let ((files (directory-files notes-directory nil "\\.org\\'")))
    (if sort (sort files #'string<) files)))

(provide 'notes)
