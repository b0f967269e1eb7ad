"""The design system: the brand's `Theme` (`theme.py`) and the one `Design` derived from
it (`system.py`: every colour, rule, box look and type-scale step), how dates and
numbers read (`wording.py`), and the contrast rules and colour mixing (`contrast.py`).
Every writer and the charts read the `Design`; none names a colour or a size of its own.
"""
