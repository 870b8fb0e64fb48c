from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.user_out import UserOut
from ...models.user_update import UserUpdate
from ...models.validation_error import ValidationError
from ...types import Response


def _get_kwargs(
    email_or_id: str,
    *,
    body: UserUpdate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/users/{email_or_id}".format(
            email_or_id=quote(str(email_or_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | UserOut | ValidationError | None:
    if response.status_code == 200:
        response_200 = UserOut.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ValidationError.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

    if response.status_code == 413:
        response_413 = Error.from_dict(response.json())

        return response_413

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
) -> Response[Error | UserOut | ValidationError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    email_or_id: str,
    *,
    client: AuthenticatedClient,
    body: UserUpdate,
) -> Response[Error | UserOut | ValidationError]:
    """Update user details

     Change any of `name`, `surname`, `role`, `office_id`.

    Args:
        email_or_id (str):
        body (UserUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | UserOut | ValidationError]
    """

    kwargs = _get_kwargs(
        email_or_id=email_or_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    email_or_id: str,
    *,
    client: AuthenticatedClient,
    body: UserUpdate,
) -> Error | UserOut | ValidationError | None:
    """Update user details

     Change any of `name`, `surname`, `role`, `office_id`.

    Args:
        email_or_id (str):
        body (UserUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | UserOut | ValidationError
    """

    return sync_detailed(
        email_or_id=email_or_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    email_or_id: str,
    *,
    client: AuthenticatedClient,
    body: UserUpdate,
) -> Response[Error | UserOut | ValidationError]:
    """Update user details

     Change any of `name`, `surname`, `role`, `office_id`.

    Args:
        email_or_id (str):
        body (UserUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | UserOut | ValidationError]
    """

    kwargs = _get_kwargs(
        email_or_id=email_or_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    email_or_id: str,
    *,
    client: AuthenticatedClient,
    body: UserUpdate,
) -> Error | UserOut | ValidationError | None:
    """Update user details

     Change any of `name`, `surname`, `role`, `office_id`.

    Args:
        email_or_id (str):
        body (UserUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | UserOut | ValidationError
    """

    return (
        await asyncio_detailed(
            email_or_id=email_or_id,
            client=client,
            body=body,
        )
    ).parsed
