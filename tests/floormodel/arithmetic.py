"""A tiny evaluator for the published equations: numbers, + - * and parentheses, nothing else.

It shares no code with the library, so a test that evaluates an equation with it checks the
printed text itself.
"""

from __future__ import annotations

import ast


def evaluate(expression: str) -> float:
    tree = ast.parse(expression, mode="eval")
    return _value(tree.body)


def _value(node: ast.expr) -> float:
    if isinstance(node, ast.Constant) and isinstance(node.value, int | float):
        return float(node.value)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        return -_value(node.operand)
    if isinstance(node, ast.BinOp):
        left, right = _value(node.left), _value(node.right)
        if isinstance(node.op, ast.Add):
            return left + right
        if isinstance(node.op, ast.Sub):
            return left - right
        if isinstance(node.op, ast.Mult):
            return left * right
    raise ValueError(f"not plain arithmetic: {ast.dump(node)}")
