from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.field_problem import FieldProblem


T = TypeVar("T", bound="ValidationGroups")


@_attrs_define
class ValidationGroups:
    """
    Attributes:
        body_params (list[FieldProblem] | None | Unset): Problems in the body; absent when none.
        path_params (list[FieldProblem] | None | Unset): Problems in the path; absent when none.
        query_params (list[FieldProblem] | None | Unset): Problems in the query string; absent when none.
    """

    body_params: list[FieldProblem] | None | Unset = UNSET
    path_params: list[FieldProblem] | None | Unset = UNSET
    query_params: list[FieldProblem] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        body_params: list[dict[str, Any]] | None | Unset
        if isinstance(self.body_params, Unset):
            body_params = UNSET
        elif isinstance(self.body_params, list):
            body_params = []
            for body_params_type_0_item_data in self.body_params:
                body_params_type_0_item = body_params_type_0_item_data.to_dict()
                body_params.append(body_params_type_0_item)

        else:
            body_params = self.body_params

        path_params: list[dict[str, Any]] | None | Unset
        if isinstance(self.path_params, Unset):
            path_params = UNSET
        elif isinstance(self.path_params, list):
            path_params = []
            for path_params_type_0_item_data in self.path_params:
                path_params_type_0_item = path_params_type_0_item_data.to_dict()
                path_params.append(path_params_type_0_item)

        else:
            path_params = self.path_params

        query_params: list[dict[str, Any]] | None | Unset
        if isinstance(self.query_params, Unset):
            query_params = UNSET
        elif isinstance(self.query_params, list):
            query_params = []
            for query_params_type_0_item_data in self.query_params:
                query_params_type_0_item = query_params_type_0_item_data.to_dict()
                query_params.append(query_params_type_0_item)

        else:
            query_params = self.query_params

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if body_params is not UNSET:
            field_dict["body_params"] = body_params
        if path_params is not UNSET:
            field_dict["path_params"] = path_params
        if query_params is not UNSET:
            field_dict["query_params"] = query_params

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.field_problem import FieldProblem  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_body_params(data: object) -> list[FieldProblem] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                body_params_type_0 = []
                _body_params_type_0 = data
                for body_params_type_0_item_data in _body_params_type_0:
                    body_params_type_0_item = FieldProblem.from_dict(body_params_type_0_item_data)

                    body_params_type_0.append(body_params_type_0_item)

                return body_params_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[FieldProblem] | None | Unset, data)

        body_params = _parse_body_params(d.pop("body_params", UNSET))

        def _parse_path_params(data: object) -> list[FieldProblem] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                path_params_type_0 = []
                _path_params_type_0 = data
                for path_params_type_0_item_data in _path_params_type_0:
                    path_params_type_0_item = FieldProblem.from_dict(path_params_type_0_item_data)

                    path_params_type_0.append(path_params_type_0_item)

                return path_params_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[FieldProblem] | None | Unset, data)

        path_params = _parse_path_params(d.pop("path_params", UNSET))

        def _parse_query_params(data: object) -> list[FieldProblem] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                query_params_type_0 = []
                _query_params_type_0 = data
                for query_params_type_0_item_data in _query_params_type_0:
                    query_params_type_0_item = FieldProblem.from_dict(query_params_type_0_item_data)

                    query_params_type_0.append(query_params_type_0_item)

                return query_params_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[FieldProblem] | None | Unset, data)

        query_params = _parse_query_params(d.pop("query_params", UNSET))

        validation_groups = cls(
            body_params=body_params,
            path_params=path_params,
            query_params=query_params,
        )

        validation_groups.additional_properties = d
        return validation_groups

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
