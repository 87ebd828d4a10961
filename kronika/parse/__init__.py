"""Dependency parsing: a greedy arc-eager parser with averaged-perceptron models, trained here on Universal
Dependencies treebanks (``scripts/train_parser.py``) and run by ``kronika.stages.parse``.

The parser sees words as the pipeline's morphology gives them (form, lemma, word class, case), never a
treebank's gold tags, so it is trained on the same kind of input it meets in news.
"""
