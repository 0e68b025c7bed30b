"""Claims of an article set beside the tables: article files, evaluators, wording, the finder, reports."""
