"""Chart builders by page family: each takes a frame (exactly the rows it draws) and returns a Plotly
figure; none loads data. `style` holds the template and the one-colour-per-series map, `common`
the pieces several families share, then `claims`, `encounters` and `ports`.

`build` (a claim's chart from its spec) is the entry point the claim cards use.
"""

from dashboard.charts.claims import build

__all__ = ["build"]
