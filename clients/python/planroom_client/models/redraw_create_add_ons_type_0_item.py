from enum import StrEnum


class RedrawCreateAddOnsType0Item(StrEnum):
    GLA = "gla"
    VALUE_1 = "3d_cad_files"
    VALUE_2 = "3d_video"
    VALUE_3 = "6h_turnaround"

    def __str__(self) -> str:
        return str(self.value)
