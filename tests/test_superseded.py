"""A build the live preview no longer needs stops early (pipeline `cancelled`, `Superseded`): a newer save came,
and its own build makes everything this one would have. Asked between the stages and before each range of pages;
what the memo kept from a build given up stays valid. And the preview, woken by the kernel at each save, waits
a shorter quiet period before building it."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import dossier.core.plan.plan as plan_module
from dossier.core.common import shards
from dossier.core.common.memo import Memo
from dossier.core.pipeline import Options, Superseded, build_site
from dossier.shell.fs import read_inputs
from dossier.shell.serve_preview import QUIET_NOTIFIED_SECONDS, QUIET_SECONDS, Preview

ROOT = Path(__file__).resolve().parents[1]


class Asked:
    """`cancelled` that answers True from its `at`-th question on (never, when `at` is 0)."""

    def __init__(self, at: int = 0) -> None:
        self.at, self.count = at, 0

    def __call__(self) -> bool:
        self.count += 1
        return bool(self.at) and self.count >= self.at


@pytest.fixture(scope="module")
def inputs():
    return read_inputs(ROOT)


def test_a_build_cancelled_from_the_start_stops_at_the_first_question(inputs):
    asked = Asked(at=1)
    with pytest.raises(Superseded):
        build_site(inputs, Options(), Memo(), cancelled=asked)
    assert asked.count == 1


def test_a_build_is_asked_between_stages_and_before_each_range_of_pages(inputs):
    asked = Asked()
    result = build_site(inputs, Options(), Memo(), cancelled=asked)
    assert result.ok
    size = shards.chunk_size(len(result.paths), shards.SHARD_SIZE)  # (pages a range: a small plan's are fewer)
    ranges = -(-len(result.paths) // size)
    # after loading, after analysing, three times while planning (after the articles' pages, the listings, the
    # entities), after planning, then before each range
    assert asked.count == 6 + ranges >= 8


@pytest.mark.parametrize("at,features", [(3, 0), (4, 1), (5, 2)])
def test_a_build_superseded_while_planning_stops_before_the_next_feature(inputs, monkeypatch, at, features):
    """The plan of 5,000 articles takes 0.6 s: a save waits for one feature's pages, not the whole plan."""
    import dossier.core.plan.entity_pages as entity_pages
    import dossier.core.plan.reader_pages as reader_pages
    import dossier.core.plan.site as site

    planned: list[str] = []
    for module in (site, entity_pages, reader_pages):
        real = module.pages
        monkeypatch.setattr(module, "pages", lambda *a, real=real, name=module.__name__, **k:
                            planned.append(name) or real(*a, **k))
    with pytest.raises(Superseded):
        build_site(inputs, Options(), Memo(), cancelled=Asked(at))
    assert planned == [site.__name__, entity_pages.__name__][:features]


@pytest.mark.parametrize("at", [2, 3, 5])
def test_a_memo_used_by_a_build_given_up_halfway_still_builds_what_a_cold_build_does(inputs, at):
    memo = Memo()
    memo.begin()
    with pytest.raises(Superseded):
        build_site(inputs, Options(), memo, cancelled=Asked(at))
    memo.begin()
    again = build_site(inputs, Options(), memo)
    memo.sweep()
    assert again.outputs == build_site(inputs, Options()).outputs


def test_the_preview_drops_a_superseded_build_before_it_plans_a_page(mini_dossier, monkeypatch):
    root = mini_dossier({"seeds/a.txt": "Headline\nThe minister said so on Monday.\n",
                         "content/articles/a.yaml": "seed: a.txt\ntitle: A\nsource: outlet-a\ndate: 2024-03-22\n"})
    planned = []
    real = plan_module.plan
    monkeypatch.setattr(plan_module, "plan", lambda *a, **k: planned.append(1) or real(*a, **k))
    log = io.StringIO()
    preview = Preview(root, root / "_site", Options(), stream=log, search=False, notify=False)
    started = preview.generations.start()
    preview.generations.changed()          # a save after the build started
    preview.rebuild(frozenset({"content/articles/a.yaml"}), started)
    assert "superseded" in log.getvalue()
    assert planned == [] and not (root / "_site").exists()
    preview.rebuild(frozenset({"content/articles/a.yaml"}), preview.generations.start())
    assert planned == [1] and (root / "_site/articles/a/index.html").is_file()


def test_the_quiet_period_is_shorter_when_the_kernel_reports_saves(mini_dossier):
    root = mini_dossier({"seeds/a.txt": "Text.\n"})
    told = Preview(root, root / "_site", Options(), stream=io.StringIO(), search=False)
    polled = Preview(root, root / "_site", Options(), stream=io.StringIO(), search=False, notify=False)
    chosen = Preview(root, root / "_site", Options(), stream=io.StringIO(), search=False, quiet=0.25)
    for preview in (told, polled, chosen):
        preview.start()
    try:
        complete = told.wakeup is not None and told.wakeup.complete
        assert told.debouncer.quiet == (QUIET_NOTIFIED_SECONDS if complete else QUIET_SECONDS)
        assert polled.debouncer.quiet == QUIET_SECONDS and chosen.debouncer.quiet == 0.25
        assert QUIET_NOTIFIED_SECONDS < QUIET_SECONDS
    finally:
        for preview in (told, polled, chosen):
            preview.stop()
