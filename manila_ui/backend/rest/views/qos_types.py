"""QoS type views (2.94)."""

from __future__ import annotations

from typing import Any

from manila_ui.backend.rest.request import ApiRequest
from manila_ui.backend.rest.views.base import ViewBuilder
from manila_ui.backend.rest.views.base import isotime
from manila_ui.backend.types.records import QosType


class QosTypeView(ViewBuilder):
    collection = "qos-types"

    def detail(self, req: ApiRequest, qos_type: QosType) -> dict[str, Any]:
        return {
            "id": qos_type.id,
            "name": qos_type.name,
            "description": qos_type.description,
            "specs": dict(qos_type.specs),
            "created_at": isotime(qos_type.created_at),
            "updated_at": isotime(qos_type.updated_at),
        }

    def show(self, req: ApiRequest, qos_type: QosType) -> dict[str, Any]:
        return {"qos_type": self.detail(req, qos_type)}

    def index(self, req: ApiRequest, qos_types: list[QosType]) -> dict[str, Any]:
        return {"qos_types": [self.detail(req, q) for q in qos_types]}
