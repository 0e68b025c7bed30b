"""Claims of an article set beside the tables.

`articles` reads article files (checked whole when loaded); `context` holds what a check starts from
and returns; `params` the typed parameters; `evaluators/` one module per kind of check, listed in
`evaluate.EVALUATORS`; `rows` and `wording` the selections and phrases they share; `finder` (with
`numbers`, `phrases`, `flows`, `measures`, `text`, `when` for periods, itself with `period_labels`,
`period_readers`, `holidays` and `period_owners`, and `superlatives` for records) finds claims in pasted
prose; `verdict` decides each card's first line and `claimreview` publishes the verdicts; `report` and
`scoring` write and measure.
"""
