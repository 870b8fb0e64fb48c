from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_redraw_files_body import CreateRedrawFilesBody
from ...models.error import Error
from ...models.order_out import OrderOut
from ...models.redraw_create import RedrawCreate
from ...models.validation_error import ValidationError
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: RedrawCreate | CreateRedrawFilesBody | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/orders",
    }

    if isinstance(body, RedrawCreate):
        _kwargs["json"] = body.to_dict()

        headers["Content-Type"] = "application/json"
    if isinstance(body, CreateRedrawFilesBody):
        _kwargs["files"] = body.to_multipart()

        headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | Error | ValidationError | OrderOut | None:
    if response.status_code == 200:
        response_200 = OrderOut.from_dict(response.json())

        return response_200

    if response.status_code == 400:

        def _parse_response_400(data: object) -> Error | ValidationError:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_400_type_0 = ValidationError.from_dict(data)

                return response_400_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_400_type_1 = Error.from_dict(data)

            return response_400_type_1

        response_400 = _parse_response_400(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 409:
        response_409 = Error.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = Error.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Error.from_dict(response.json())

        return response_415

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
) -> Response[Error | Error | ValidationError | OrderOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: RedrawCreate | CreateRedrawFilesBody | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[Error | Error | ValidationError | OrderOut]:
    """Create a redraw order

     A floor plan drawn from an existing plan: `street`, `city`, `country` and `source` (a URL
    or a list of URLs of PNG, JPG or PDF plans) are required, `info` is free text. Or send a
    multipart form with the same fields and the plans as `files`. The order starts in `Pending`
    with `order_type: "redraw"` and fires `moved_to_pending`.

    Args:
        idempotency_key (str | Unset):
        body (RedrawCreate):
        body (CreateRedrawFilesBody): The same fields as form fields, with the plans as `files`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Error | ValidationError | OrderOut]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: RedrawCreate | CreateRedrawFilesBody | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Error | Error | ValidationError | OrderOut | None:
    """Create a redraw order

     A floor plan drawn from an existing plan: `street`, `city`, `country` and `source` (a URL
    or a list of URLs of PNG, JPG or PDF plans) are required, `info` is free text. Or send a
    multipart form with the same fields and the plans as `files`. The order starts in `Pending`
    with `order_type: "redraw"` and fires `moved_to_pending`.

    Args:
        idempotency_key (str | Unset):
        body (RedrawCreate):
        body (CreateRedrawFilesBody): The same fields as form fields, with the plans as `files`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Error | ValidationError | OrderOut
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: RedrawCreate | CreateRedrawFilesBody | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[Error | Error | ValidationError | OrderOut]:
    """Create a redraw order

     A floor plan drawn from an existing plan: `street`, `city`, `country` and `source` (a URL
    or a list of URLs of PNG, JPG or PDF plans) are required, `info` is free text. Or send a
    multipart form with the same fields and the plans as `files`. The order starts in `Pending`
    with `order_type: "redraw"` and fires `moved_to_pending`.

    Args:
        idempotency_key (str | Unset):
        body (RedrawCreate):
        body (CreateRedrawFilesBody): The same fields as form fields, with the plans as `files`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Error | ValidationError | OrderOut]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: RedrawCreate | CreateRedrawFilesBody | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Error | Error | ValidationError | OrderOut | None:
    """Create a redraw order

     A floor plan drawn from an existing plan: `street`, `city`, `country` and `source` (a URL
    or a list of URLs of PNG, JPG or PDF plans) are required, `info` is free text. Or send a
    multipart form with the same fields and the plans as `files`. The order starts in `Pending`
    with `order_type: "redraw"` and fires `moved_to_pending`.

    Args:
        idempotency_key (str | Unset):
        body (RedrawCreate):
        body (CreateRedrawFilesBody): The same fields as form fields, with the plans as `files`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Error | ValidationError | OrderOut
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
