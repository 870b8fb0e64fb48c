from enum import StrEnum


class OverLimitProductType(StrEnum):
    PRODUCTS_2D = "products_2d"
    PRODUCTS_3D = "products_3d"

    def __str__(self) -> str:
        return str(self.value)
