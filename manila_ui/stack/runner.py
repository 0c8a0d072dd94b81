"""One stack instance: Keystone, the bundled backend and Horizon in one state folder.

Used by ``manila-ui-stack up`` (fixed ports, ``.stack/``) and by the test harness
(free ports, a temporary folder); both share the Keystone template cache.
"""

from __future__ import annotations

import concurrent.futures
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from manila_ui.stack import backend
from manila_ui.stack import clouds
from manila_ui.stack import config
from manila_ui.stack import horizon
from manila_ui.stack import keystone
from manila_ui.stack import procs


@dataclass
class Layout:
    root: Path
    keystone_port: int
    backend_port: int
    horizon_port: int
    template_cache: Path
    transition_delay: float = 1.0
    horizon_workers: int = 2

    @property
    def keystone_dir(self) -> Path:
        return self.root / "keystone"

    @property
    def backend_dir(self) -> Path:
        return self.root / "backend"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def run_dir(self) -> Path:
        return self.root / "run"

    @property
    def clouds_yaml(self) -> Path:
        return self.root / "clouds.yaml"

    @property
    def keystone_url(self) -> str:
        return config.keystone_url(self.keystone_port)

    @property
    def backend_url(self) -> str:
        return config.backend_url(self.backend_port)

    @property
    def horizon_url(self) -> str:
        return f"http://{config.HOST}:{self.horizon_port}"


class Stack:
    def __init__(self, layout: Layout, say: Callable[[str], None] = lambda _msg: None) -> None:
        self.layout = layout
        self.say = say
        self.servers: dict[str, procs.Server] = {}
        self.timings: dict[str, float] = {}

    # --- steps ------------------------------------------------------------------

    def _timed(self, name: str, fn: Callable[[], object]) -> None:
        start = time.monotonic()
        fn()
        self.timings[name] = time.monotonic() - start

    def prepare_keystone(self) -> None:
        lay = self.layout
        template = keystone.ensure_template(lay.template_cache, lay.logs / "keystone-setup.log")
        marker = lay.keystone_dir / "template"
        if marker.is_file() and marker.read_text().strip() != template.name:
            # New project ids: the backend's shares would belong to nobody.
            self.say(f"keystone bootstrap changed: resetting {lay.keystone_dir} "
                     f"and {lay.backend_dir}")
            shutil.rmtree(lay.keystone_dir)
            shutil.rmtree(lay.backend_dir, ignore_errors=True)
        if not marker.is_file():
            shutil.rmtree(lay.keystone_dir, ignore_errors=True)
            keystone.create_instance(template, lay.keystone_dir)
        keystone.write_conf(lay.keystone_dir)
        keystone.set_endpoints(lay.keystone_dir, lay.keystone_url, lay.backend_url)

    def start_keystone(self) -> None:
        lay = self.layout
        srv = keystone.server(lay.keystone_dir, lay.keystone_port,
                              log=lay.logs / "keystone.log", run_dir=lay.run_dir)
        self.servers["keystone"] = srv
        srv.start()
        srv.wait_http(lay.keystone_url, timeout=60)

    def start_backend(self) -> None:
        lay = self.layout
        conf = backend.write_conf(lay.backend_dir, port=lay.backend_port,
                                  keystone_url=lay.keystone_url, delay=lay.transition_delay)
        srv = backend.server(conf, log=lay.logs / "backend.log", run_dir=lay.run_dir)
        self.servers["backend"] = srv
        srv.start()
        backend.wait_ready(srv, lay.backend_port)

    def prepare_horizon(self) -> None:
        horizon.install_plugin()
        horizon.prune_sessions()
        horizon.build_static(self.layout.logs / "horizon-static.log")

    def start_horizon(self, keystone_url: str | None = None) -> None:
        lay = self.layout
        srv = horizon.server(lay.horizon_port, keystone_url or lay.keystone_url,
                             log=lay.logs / "horizon.log", run_dir=lay.run_dir,
                             workers=lay.horizon_workers)
        self.servers["horizon"] = srv
        srv.start()
        horizon.wait_ready(srv, lay.horizon_port)

    # --- whole stack --------------------------------------------------------------

    def up(self, *, with_backend: bool = True, with_horizon: bool = True) -> None:
        """Start everything, overlapping what does not depend on each other."""
        def horizon() -> None:
            self._timed("horizon static", self.prepare_horizon)
            # Its login page needs no Keystone: no need to wait for it.
            self._timed("horizon start", self.start_horizon)

        try:
            with concurrent.futures.ThreadPoolExecutor(max_workers=3) as pool:
                jobs = []
                if with_horizon:
                    jobs.append(pool.submit(horizon))
                self._timed("keystone setup", self.prepare_keystone)
                jobs.append(pool.submit(self._timed, "keystone start", self.start_keystone))
                if with_backend:
                    jobs.append(pool.submit(self._timed, "backend start", self.start_backend))
                for job in jobs:
                    job.result()
            clouds.write(self.layout.clouds_yaml, self.layout.keystone_url)
        except BaseException:
            self.stop()
            raise

    def dead(self) -> list[procs.Server]:
        return [srv for srv in self.servers.values() if srv.proc and not srv.alive()]

    def stop(self) -> None:
        # All at once: none of them needs another to shut down.
        servers = list(self.servers.values())
        self.servers.clear()
        procs.stop_servers(servers)
