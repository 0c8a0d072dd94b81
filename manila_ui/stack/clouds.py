"""A standard clouds.yaml for the local users (os-client-config / openstacksdk format)."""

from __future__ import annotations

from pathlib import Path

import yaml

from manila_ui.stack import config


def render(keystone_url: str) -> str:
    clouds = {
        name: {
            "auth": {
                "auth_url": keystone_url,
                "username": user.name,
                "password": user.password,
                "project_name": user.project,
                "user_domain_name": config.DOMAIN,
                "project_domain_name": config.DOMAIN,
            },
            "region_name": config.REGION,
            "interface": "public",
            "identity_api_version": 3,
        }
        for name, user in ((n, config.USERS[n]) for n in config.CLOUD_USERS)
    }
    return "# Written by manila-ui-stack for the local stack (throwaway credentials).\n" + (
        yaml.safe_dump({"clouds": clouds}, sort_keys=False)
    )


def write(path: Path, keystone_url: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(keystone_url))
    path.chmod(0o600)
    return path
