"""One module per kind of check (a claim's `metric`): its parameter class, the tables it needs, and
the function that sets the claim beside them. `claims.evaluate` lists them in `EVALUATORS`.
`closure_counts` and `hemisphere_figures` are parts of the `closures` and `hemisphere_surge` checks."""
