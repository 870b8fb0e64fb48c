"""S3 and S3-compatible stores (boto3); downloads go straight to the bucket by presigned URL."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import TYPE_CHECKING
from urllib.parse import quote

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

from planroom.files.keys import basename, check_key, guess_content_type
from planroom.files.links import FileLinks

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

PRESIGNED_SECONDS = 300
_MISSING = ("404", "NoSuchKey", "NotFound", "NoSuchBucket")


class S3Storage:
    def __init__(
        self,
        *,
        bucket: str,
        prefix: str,
        links: FileLinks,
        endpoint_url: str | None = None,
        region: str = "us-east-1",
        create_bucket: bool = False,
    ) -> None:
        self.bucket = bucket
        self.prefix = prefix.strip("/")
        self.links = links
        self.region = region
        self.create_bucket = create_bucket
        config = Config(
            region_name=region,
            signature_version="s3v4",
            s3={"addressing_style": "path" if endpoint_url else "auto"},
            connect_timeout=5,
            read_timeout=60,
            retries={"mode": "standard", "max_attempts": 3},
        )
        self.client: S3Client = boto3.client("s3", endpoint_url=endpoint_url, config=config)
        self._bucket_checked = False
        self._lock = threading.Lock()

    def object_key(self, key: str) -> str:
        check_key(key)
        return f"{self.prefix}/{key}" if self.prefix else key

    def put(self, key: str, data: bytes, content_type: str | None = None) -> None:
        self._ensure_bucket()
        self.client.put_object(
            Bucket=self.bucket,
            Key=self.object_key(key),
            Body=data,
            ContentType=content_type or guess_content_type(key),
        )

    def get(self, key: str) -> bytes:
        try:
            response = self.client.get_object(Bucket=self.bucket, Key=self.object_key(key))
        except ClientError as exc:
            raise _not_found(exc, key) from exc
        return response["Body"].read()

    def exists(self, key: str) -> bool:
        try:
            self.client.head_object(Bucket=self.bucket, Key=self.object_key(key))
        except ClientError as exc:
            if _is_missing(exc):
                return False
            raise
        return True

    def delete(self, key: str) -> None:
        self.client.delete_object(Bucket=self.bucket, Key=self.object_key(key))

    def size(self, key: str) -> int:
        try:
            head = self.client.head_object(Bucket=self.bucket, Key=self.object_key(key))
        except ClientError as exc:
            raise _not_found(exc, key) from exc
        return int(head["ContentLength"])

    def content_type(self, key: str) -> str:
        try:
            head = self.client.head_object(Bucket=self.bucket, Key=self.object_key(key))
        except ClientError as exc:
            raise _not_found(exc, key) from exc
        return head.get("ContentType") or guess_content_type(key)

    def iter_range(self, key: str, start: int = 0, end: int | None = None) -> Iterator[bytes]:
        byte_range = f"bytes={start}-{'' if end is None else end}"
        try:
            response = self.client.get_object(
                Bucket=self.bucket, Key=self.object_key(key), Range=byte_range
            )
        except ClientError as exc:
            raise _not_found(exc, key) from exc
        yield from response["Body"].iter_chunks(64 * 1024)

    def url(self, key: str, download_name: str | None = None) -> str:
        """The stable Planroom link; it redirects to a fresh presigned URL on every download."""
        return self.links.url(key, download_name)

    def redirect_url(self, key: str, download_name: str, *, inline: bool) -> str | None:
        """Downloads go straight to S3, by a presigned URL made for each one."""
        return self.presigned_url(key, download_name, inline=inline)

    def presigned_url(
        self,
        key: str,
        download_name: str | None = None,
        *,
        inline: bool = False,
        expires_in: int = PRESIGNED_SECONDS,
    ) -> str:
        """A short-lived direct download URL (signing is local: no request is made)."""
        name = download_name or basename(key)
        disposition = "inline" if inline else "attachment"
        return self.client.generate_presigned_url(
            "get_object",
            Params={
                "Bucket": self.bucket,
                "Key": self.object_key(key),
                "ResponseContentDisposition": f"{disposition}; filename*=UTF-8''{quote(name)}",
            },
            ExpiresIn=expires_in,
        )

    def _ensure_bucket(self) -> None:
        if self._bucket_checked:
            return
        with self._lock:
            if self._bucket_checked:
                return
            try:
                self.client.head_bucket(Bucket=self.bucket)
            except ClientError as exc:
                if not (_is_missing(exc) and self.create_bucket):
                    raise
                if self.region == "us-east-1":
                    self.client.create_bucket(Bucket=self.bucket)
                else:
                    self.client.create_bucket(
                        Bucket=self.bucket,
                        CreateBucketConfiguration={"LocationConstraint": self.region},  # type: ignore[typeddict-item]
                    )
            self._bucket_checked = True


def _is_missing(exc: ClientError) -> bool:
    return str(exc.response.get("Error", {}).get("Code")) in _MISSING


def _not_found(exc: ClientError, key: str) -> Exception:
    return FileNotFoundError(key) if _is_missing(exc) else exc
