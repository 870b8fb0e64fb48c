"""The combined PDF: every PDF deliverable of an order, merged in delivery-asset order."""

from __future__ import annotations

import io
from dataclasses import dataclass

from sqlalchemy.orm import Session

from planroom.core.errors import InvalidState
from planroom.orders.address import slug
from planroom.orders.models import Order
from planroom.orders.service import order_products
from planroom.render.products import PRODUCTS
from planroom.runtime import Runtime


@dataclass(frozen=True)
class CombinedPdf:
    key: str
    name: str
    data: bytes
    pages: int


def combined_pdf(session: Session, runtime: Runtime, order: Order) -> CombinedPdf:
    if order.first_delivered_at is None:
        raise InvalidState(
            f"The order is {order.status} and has not been delivered yet; the combined PDF "
            "exists once it is."
        )
    delivered = {row.product: row for row in order_products(session, order.id) if row.delivered_at}
    # Imported here: pypdf costs every process about 20 MB, and few ever combine a PDF.
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for product in PRODUCTS.values():
        row = delivered.get(product.key)
        if row is None:
            continue
        for slot in product.pdf_slots:
            for item in row.files.get(slot, []):
                writer.append(PdfReader(io.BytesIO(runtime.storage.get(item["key"]))))
    writer.add_metadata({"/Title": f"{order.street}, {order.city}", "/Producer": "Planroom"})
    buffer = io.BytesIO()
    writer.write(buffer)
    name = f"{slug(order.street)}_combined.pdf"
    key = f"orders/{order.id}/combined/{name}"
    data = buffer.getvalue()
    runtime.storage.put(key, data, "application/pdf")
    return CombinedPdf(key=key, name=name, data=data, pages=len(writer.pages))
