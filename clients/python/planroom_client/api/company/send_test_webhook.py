from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.validation_error import ValidationError
from ...models.webhook_test_out import WebhookTestOut
from ...models.webhook_test_request import WebhookTestRequest
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: None | Unset | WebhookTestRequest = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/companies/webhook/test",
    }

    if isinstance(body, WebhookTestRequest):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = body

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | Error | ValidationError | WebhookTestOut | None:
    if response.status_code == 200:
        response_200 = WebhookTestOut.from_dict(response.json())

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
) -> Response[Error | Error | ValidationError | WebhookTestOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: None | Unset | WebhookTestRequest = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[Error | Error | ValidationError | WebhookTestOut]:
    """Send a test webhook

     Send a signed sample event (default `moved_to_ready`) of the sample order
    `00000000-0000-4000-8000-000000000000` to every registered URL now, signed like every
    real call, and answer how each URL answered. It is also given to your open
    `planroom webhooks listen` streams. Nothing is retried and the delivery log is unchanged.
    409 when no URL is registered and no listener is open. A URL on a private or loopback
    address is refused unless the server runs with
    `PLANROOM_WEBHOOK_ALLOW_PRIVATE_ADDRESSES=true`.

    Args:
        idempotency_key (str | Unset):
        body (None | Unset | WebhookTestRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Error | ValidationError | WebhookTestOut]
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
    body: None | Unset | WebhookTestRequest = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Error | Error | ValidationError | WebhookTestOut | None:
    """Send a test webhook

     Send a signed sample event (default `moved_to_ready`) of the sample order
    `00000000-0000-4000-8000-000000000000` to every registered URL now, signed like every
    real call, and answer how each URL answered. It is also given to your open
    `planroom webhooks listen` streams. Nothing is retried and the delivery log is unchanged.
    409 when no URL is registered and no listener is open. A URL on a private or loopback
    address is refused unless the server runs with
    `PLANROOM_WEBHOOK_ALLOW_PRIVATE_ADDRESSES=true`.

    Args:
        idempotency_key (str | Unset):
        body (None | Unset | WebhookTestRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Error | ValidationError | WebhookTestOut
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: None | Unset | WebhookTestRequest = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[Error | Error | ValidationError | WebhookTestOut]:
    """Send a test webhook

     Send a signed sample event (default `moved_to_ready`) of the sample order
    `00000000-0000-4000-8000-000000000000` to every registered URL now, signed like every
    real call, and answer how each URL answered. It is also given to your open
    `planroom webhooks listen` streams. Nothing is retried and the delivery log is unchanged.
    409 when no URL is registered and no listener is open. A URL on a private or loopback
    address is refused unless the server runs with
    `PLANROOM_WEBHOOK_ALLOW_PRIVATE_ADDRESSES=true`.

    Args:
        idempotency_key (str | Unset):
        body (None | Unset | WebhookTestRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Error | ValidationError | WebhookTestOut]
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
    body: None | Unset | WebhookTestRequest = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Error | Error | ValidationError | WebhookTestOut | None:
    """Send a test webhook

     Send a signed sample event (default `moved_to_ready`) of the sample order
    `00000000-0000-4000-8000-000000000000` to every registered URL now, signed like every
    real call, and answer how each URL answered. It is also given to your open
    `planroom webhooks listen` streams. Nothing is retried and the delivery log is unchanged.
    409 when no URL is registered and no listener is open. A URL on a private or loopback
    address is refused unless the server runs with
    `PLANROOM_WEBHOOK_ALLOW_PRIVATE_ADDRESSES=true`.

    Args:
        idempotency_key (str | Unset):
        body (None | Unset | WebhookTestRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Error | ValidationError | WebhookTestOut
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
