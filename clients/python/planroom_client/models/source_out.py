from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.source_out_state import SourceOutState

T = TypeVar("T", bound="SourceOut")


@_attrs_define
class SourceOut:
    """A plan a redraw order was given, and whether it could be fetched.

    Attributes:
        error (None | str): Why fetching failed; `null` otherwise.
        filename (str): The stored file's name.
        state (SourceOutState): `pending` (not fetched yet), `stored` or `failed` (see `error`).
        url (None | str): The URL the plan was fetched from; `null` for an uploaded file.
    """

    error: None | str
    filename: str
    state: SourceOutState
    url: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        error: None | str
        error = self.error

        filename = self.filename

        state = self.state.value

        url: None | str
        url = self.url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "error": error,
                "filename": filename,
                "state": state,
                "url": url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        error = _parse_error(d.pop("error"))

        filename = d.pop("filename")

        state = SourceOutState(d.pop("state"))

        def _parse_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        url = _parse_url(d.pop("url"))

        source_out = cls(
            error=error,
            filename=filename,
            state=state,
            url=url,
        )

        source_out.additional_properties = d
        return source_out

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
