"""Claims of an article set beside the tables.

`articles` reads article files (checked whole when loaded); `context` holds what a check starts from
and returns; `params` the typed parameters; `evaluators/` one module per kind of check, listed in
`evaluate.EVALUATORS`; `rows` and `wording` the selections and phrases they share; `finder` (with
`numbers`, `phrases`, `text`, `when` for periods and `superlatives` for records) finds claims in pasted
prose; `verdict` decides each card's first line and `claimreview` publishes the verdicts; `report` and
`scoring` write and measure.
"""
