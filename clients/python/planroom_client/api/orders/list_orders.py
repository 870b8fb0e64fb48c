from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.page_order_row import PageOrderRow
from ...models.validation_error import ValidationError
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    status: list[str] | None | Unset = UNSET,
    external_id: None | str | Unset = UNSET,
    owner_email: None | str | Unset = UNSET,
    office_id: None | Unset | UUID = UNSET,
    created_after: float | None | Unset = UNSET,
    created_before: float | None | Unset = UNSET,
    limit: int | Unset = 20,
    offset: int | Unset = 0,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_status: list[str] | None | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, list):
        json_status = status

    else:
        json_status = status
    params["status"] = json_status

    json_external_id: None | str | Unset
    if isinstance(external_id, Unset):
        json_external_id = UNSET
    else:
        json_external_id = external_id
    params["external_id"] = json_external_id

    json_owner_email: None | str | Unset
    if isinstance(owner_email, Unset):
        json_owner_email = UNSET
    else:
        json_owner_email = owner_email
    params["owner_email"] = json_owner_email

    json_office_id: None | str | Unset
    if isinstance(office_id, Unset):
        json_office_id = UNSET
    elif isinstance(office_id, UUID):
        json_office_id = str(office_id)
    else:
        json_office_id = office_id
    params["office_id"] = json_office_id

    json_created_after: float | None | Unset
    if isinstance(created_after, Unset):
        json_created_after = UNSET
    else:
        json_created_after = created_after
    params["created_after"] = json_created_after

    json_created_before: float | None | Unset
    if isinstance(created_before, Unset):
        json_created_before = UNSET
    else:
        json_created_before = created_before
    params["created_before"] = json_created_before

    params["limit"] = limit

    params["offset"] = offset

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/orders",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | PageOrderRow | ValidationError | None:
    if response.status_code == 200:
        response_200 = PageOrderRow.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ValidationError.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())

        return response_429

    if response.status_code == 503:
        response_503 = Error.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | PageOrderRow | ValidationError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    status: list[str] | None | Unset = UNSET,
    external_id: None | str | Unset = UNSET,
    owner_email: None | str | Unset = UNSET,
    office_id: None | Unset | UUID = UNSET,
    created_after: float | None | Unset = UNSET,
    created_before: float | None | Unset = UNSET,
    limit: int | Unset = 20,
    offset: int | Unset = 0,
) -> Response[Error | PageOrderRow | ValidationError]:
    """List orders

     Newest first. Rows omit `delivery_assets`: fetch the order for its links. Follow
    `pagination.next_offset` for the next page.

    Args:
        status (list[str] | None | Unset): Repeatable: `?status=Pending&status=Ready`.
        external_id (None | str | Unset): Your reference.
        owner_email (None | str | Unset): The ordering user.
        office_id (None | Unset | UUID): The owner's office.
        created_after (float | None | Unset): Epoch seconds.
        created_before (float | None | Unset): Epoch seconds.
        limit (int | Unset): Items per page. Default: 20.
        offset (int | Unset): Items to skip. Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PageOrderRow | ValidationError]
    """

    kwargs = _get_kwargs(
        status=status,
        external_id=external_id,
        owner_email=owner_email,
        office_id=office_id,
        created_after=created_after,
        created_before=created_before,
        limit=limit,
        offset=offset,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    status: list[str] | None | Unset = UNSET,
    external_id: None | str | Unset = UNSET,
    owner_email: None | str | Unset = UNSET,
    office_id: None | Unset | UUID = UNSET,
    created_after: float | None | Unset = UNSET,
    created_before: float | None | Unset = UNSET,
    limit: int | Unset = 20,
    offset: int | Unset = 0,
) -> Error | PageOrderRow | ValidationError | None:
    """List orders

     Newest first. Rows omit `delivery_assets`: fetch the order for its links. Follow
    `pagination.next_offset` for the next page.

    Args:
        status (list[str] | None | Unset): Repeatable: `?status=Pending&status=Ready`.
        external_id (None | str | Unset): Your reference.
        owner_email (None | str | Unset): The ordering user.
        office_id (None | Unset | UUID): The owner's office.
        created_after (float | None | Unset): Epoch seconds.
        created_before (float | None | Unset): Epoch seconds.
        limit (int | Unset): Items per page. Default: 20.
        offset (int | Unset): Items to skip. Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PageOrderRow | ValidationError
    """

    return sync_detailed(
        client=client,
        status=status,
        external_id=external_id,
        owner_email=owner_email,
        office_id=office_id,
        created_after=created_after,
        created_before=created_before,
        limit=limit,
        offset=offset,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    status: list[str] | None | Unset = UNSET,
    external_id: None | str | Unset = UNSET,
    owner_email: None | str | Unset = UNSET,
    office_id: None | Unset | UUID = UNSET,
    created_after: float | None | Unset = UNSET,
    created_before: float | None | Unset = UNSET,
    limit: int | Unset = 20,
    offset: int | Unset = 0,
) -> Response[Error | PageOrderRow | ValidationError]:
    """List orders

     Newest first. Rows omit `delivery_assets`: fetch the order for its links. Follow
    `pagination.next_offset` for the next page.

    Args:
        status (list[str] | None | Unset): Repeatable: `?status=Pending&status=Ready`.
        external_id (None | str | Unset): Your reference.
        owner_email (None | str | Unset): The ordering user.
        office_id (None | Unset | UUID): The owner's office.
        created_after (float | None | Unset): Epoch seconds.
        created_before (float | None | Unset): Epoch seconds.
        limit (int | Unset): Items per page. Default: 20.
        offset (int | Unset): Items to skip. Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PageOrderRow | ValidationError]
    """

    kwargs = _get_kwargs(
        status=status,
        external_id=external_id,
        owner_email=owner_email,
        office_id=office_id,
        created_after=created_after,
        created_before=created_before,
        limit=limit,
        offset=offset,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    status: list[str] | None | Unset = UNSET,
    external_id: None | str | Unset = UNSET,
    owner_email: None | str | Unset = UNSET,
    office_id: None | Unset | UUID = UNSET,
    created_after: float | None | Unset = UNSET,
    created_before: float | None | Unset = UNSET,
    limit: int | Unset = 20,
    offset: int | Unset = 0,
) -> Error | PageOrderRow | ValidationError | None:
    """List orders

     Newest first. Rows omit `delivery_assets`: fetch the order for its links. Follow
    `pagination.next_offset` for the next page.

    Args:
        status (list[str] | None | Unset): Repeatable: `?status=Pending&status=Ready`.
        external_id (None | str | Unset): Your reference.
        owner_email (None | str | Unset): The ordering user.
        office_id (None | Unset | UUID): The owner's office.
        created_after (float | None | Unset): Epoch seconds.
        created_before (float | None | Unset): Epoch seconds.
        limit (int | Unset): Items per page. Default: 20.
        offset (int | Unset): Items to skip. Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PageOrderRow | ValidationError
    """

    return (
        await asyncio_detailed(
            client=client,
            status=status,
            external_id=external_id,
            owner_email=owner_email,
            office_id=office_id,
            created_after=created_after,
            created_before=created_before,
            limit=limit,
            offset=offset,
        )
    ).parsed
