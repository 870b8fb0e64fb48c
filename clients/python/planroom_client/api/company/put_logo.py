from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.logo_out import LogoOut
from ...models.put_logo_files_body import PutLogoFilesBody
from ...models.validation_error import ValidationError
from ...types import Response


def _get_kwargs(
    *,
    body: PutLogoFilesBody,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/companies/logo",
    }

    _kwargs["files"] = body.to_multipart()

    headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | Error | ValidationError | LogoOut | None:
    if response.status_code == 200:
        response_200 = LogoOut.from_dict(response.json())

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
) -> Response[Error | Error | ValidationError | LogoOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: PutLogoFilesBody,
) -> Response[Error | Error | ValidationError | LogoOut]:
    """Upload the company logo

     A PNG or JPEG (the body itself, or a multipart `file`), at most 5 MB; it is stored as a
    PNG of at most 1200 px. Styles place it with their `logo` option (position, width).

    Args:
        body (PutLogoFilesBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Error | ValidationError | LogoOut]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: PutLogoFilesBody,
) -> Error | Error | ValidationError | LogoOut | None:
    """Upload the company logo

     A PNG or JPEG (the body itself, or a multipart `file`), at most 5 MB; it is stored as a
    PNG of at most 1200 px. Styles place it with their `logo` option (position, width).

    Args:
        body (PutLogoFilesBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Error | ValidationError | LogoOut
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: PutLogoFilesBody,
) -> Response[Error | Error | ValidationError | LogoOut]:
    """Upload the company logo

     A PNG or JPEG (the body itself, or a multipart `file`), at most 5 MB; it is stored as a
    PNG of at most 1200 px. Styles place it with their `logo` option (position, width).

    Args:
        body (PutLogoFilesBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Error | ValidationError | LogoOut]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: PutLogoFilesBody,
) -> Error | Error | ValidationError | LogoOut | None:
    """Upload the company logo

     A PNG or JPEG (the body itself, or a multipart `file`), at most 5 MB; it is stored as a
    PNG of at most 1200 px. Styles place it with their `logo` option (position, width).

    Args:
        body (PutLogoFilesBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Error | ValidationError | LogoOut
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
