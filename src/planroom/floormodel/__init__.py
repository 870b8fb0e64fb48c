"""The floor model and everything derived from it.

`schema` holds the document; `validation` checks it; `roomplan` turns Apple RoomPlan scans into it;
`areas`, `gla` and `formula` compute the area figures (GIA, ANSI Z765 GLA, total scanned area);
`generator` writes realistic synthetic scans together with the model they were made from.
"""
