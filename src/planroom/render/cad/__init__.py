"""The CAD engine: DXF drawings of a level, their layers and symbols."""
