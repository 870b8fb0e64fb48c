from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.response_floormodelschema import ResponseFloormodelschema
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/floor-model/schema",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | ResponseFloormodelschema | None:
    if response.status_code == 200:
        response_200 = ResponseFloormodelschema.from_dict(response.json())

        return response_200

    if response.status_code == 503:
        response_503 = Error.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | ResponseFloormodelschema]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[Error | ResponseFloormodelschema]:
    """Floor model JSON Schema

     The JSON Schema of the Planroom floor model, the document every deliverable is drawn
    from. Upload one with `POST /orders/{order_id}/scan` instead of a RoomPlan scan; drafters
    read and replace it through the production API. Coordinates are integer millimetres, x to
    the right and y up.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | ResponseFloormodelschema]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
) -> Error | ResponseFloormodelschema | None:
    """Floor model JSON Schema

     The JSON Schema of the Planroom floor model, the document every deliverable is drawn
    from. Upload one with `POST /orders/{order_id}/scan` instead of a RoomPlan scan; drafters
    read and replace it through the production API. Coordinates are integer millimetres, x to
    the right and y up.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | ResponseFloormodelschema
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[Error | ResponseFloormodelschema]:
    """Floor model JSON Schema

     The JSON Schema of the Planroom floor model, the document every deliverable is drawn
    from. Upload one with `POST /orders/{order_id}/scan` instead of a RoomPlan scan; drafters
    read and replace it through the production API. Coordinates are integer millimetres, x to
    the right and y up.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | ResponseFloormodelschema]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
) -> Error | ResponseFloormodelschema | None:
    """Floor model JSON Schema

     The JSON Schema of the Planroom floor model, the document every deliverable is drawn
    from. Upload one with `POST /orders/{order_id}/scan` instead of a RoomPlan scan; drafters
    read and replace it through the production API. Coordinates are integer millimetres, x to
    the right and y up.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | ResponseFloormodelschema
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
