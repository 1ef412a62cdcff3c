"""EventBindings from the real kube-apiserver, read by the real kubernetes client as the chart's webhook account;
the stand-in (tests/fake_kube.py) only for faults the real server cannot make on demand (5xx, 410 Gone, bookmarks)."""

from __future__ import annotations

from typing import Any

import pytest

kubernetes = pytest.importorskip("kubernetes")

from monsterbot.kubernetes.crds import API_VERSION  # noqa: E402
from monsterbot.sources.cluster import ClusterSource  # noqa: E402
from monsterbot.web.runtime import Runtime, build  # noqa: E402
from tests.conftest import app_for, payload, post_signed, settings_for, text_event, wait_for  # noqa: E402

BINDINGS = "/apis/monsterbot.io/v1alpha1/namespaces/default/eventbindings"


def binding(name: str, monsters=(), events=(), bot="monsterbot") -> dict:
    return {
        "apiVersion": API_VERSION,
        "kind": "EventBinding",
        "metadata": {"name": name, "namespace": "default"},
        "spec": {"botRef": {"name": bot}, "monsters": list(monsters), "events": list(events)},
    }


#: A made-up monster (test data, not knowledge): nothing in knowledge/ answers to it.
LOREM: dict[str, Any] = {
    "id": "lorem-wyvern",
    "names": {"en": "Lorem Wyvern", "ja": "ロレムワイバーン", "zh-TW": "試驗龍", "zh-CN": "试验龙"},
    "aliases": {"en": ["lorem"]},
    "games": {"wilds": {"source": "test", "weak_elements": ["dragon", "water"]}},
}


@pytest.fixture()
def api(kube, tmp_path):
    """CustomObjectsApi as the chart's webhook service account, with the chart's RBAC applied (a real token)."""
    from kubernetes import client

    from tests.test_kubernetes_operator import api_client_as, chart, install_chart_rbac

    install_chart_rbac(kube, chart())
    return client.CustomObjectsApi(api_client_as(kube, tmp_path, "default/bot-monsterbot-webhook"))


@pytest.fixture()
def fake_api(fake_client):
    from kubernetes import client

    return client.CustomObjectsApi(fake_client)


def _cluster(runtime: Runtime) -> ClusterSource:
    """The runtime's watch of the cluster (built with `kubernetes=True`)."""
    assert runtime.cluster is not None
    return runtime.cluster


class ClusterBot:
    """A webhook app whose knowledge the cluster's EventBindings extend; called with a text, the message it replies."""

    def __init__(self, runtime: Runtime, app: Any, line_stub: Any) -> None:
        self.runtime = runtime
        self.app = app
        self.client = app.test_client()
        self.cluster = _cluster(runtime)
        self._line = line_stub

    def __call__(self, text: str) -> dict[str, Any]:
        assert post_signed(self.app, payload(text_event(text))).status_code == 200
        return self._line.replies()[-1].body["messages"][0]


@pytest.fixture()
def cluster_bot(kube, api, line_stub):
    settings = settings_for(line_stub, kubernetes=True, namespace="default", bot="monsterbot")  # the bindings' Bot
    runtime = build(settings, kube_api=api)
    _cluster(runtime).watcher._timeout = 1  # short server-side watch timeouts keep the test and stop() quick
    yield ClusterBot(runtime, app_for(settings, runtime), line_stub)
    runtime.close()


def test_applying_an_event_binding_changes_answers_without_restart(kube, cluster_bot):
    wait_for(lambda: cluster_bot.client.get("/readyz").status_code == 200)
    assert cluster_bot("lorem")["type"] == "text"  # not known yet
    kube.apply(BINDINGS, binding("wilds-extra", [LOREM], [{"keywords": ["開團"], "reply": {"text": "今晚九點集合！"}}]))
    wait_for(lambda: "lorem-wyvern" in cluster_bot.runtime.knowledge.current.monsters)
    card = cluster_bot("lorem")
    assert card["type"] == "flex" and "Lorem Wyvern" in card["altText"]
    assert cluster_bot("開團")["text"] == "今晚九點集合！"
    kube.delete(BINDINGS, "wilds-extra")
    wait_for(lambda: "lorem-wyvern" not in cluster_bot.runtime.knowledge.current.monsters)


def test_a_bad_binding_changes_nothing(kube, cluster_bot):
    wait_for(lambda: cluster_bot.cluster.ready)
    before = cluster_bot.runtime.knowledge.current.version
    # passes the CRD's structural schema (which cannot say uniqueItems), fails the record schema
    bad = dict(LOREM, games={"wilds": {"source": "test", "weak_elements": ["fire", "fire"]}})
    kube.apply(BINDINGS, binding("broken", [bad]))
    wait_for(lambda: cluster_bot.cluster._changes >= 2)
    assert cluster_bot.runtime.knowledge.current.version == before
    assert cluster_bot("火龍")["type"] == "flex"


def test_a_binding_overrides_the_yaml_record_with_the_same_id(kube, cluster_bot):
    wait_for(lambda: cluster_bot.cluster.ready)
    hotfix = {
        "id": "rathalos",
        "names": {"en": "Rathalos", "ja": "リオレウス", "zh-TW": "火龍", "zh-CN": "火龙"},
        "ambiguous_with": ["rathian"],  # as its file says: it shares a nickname with Rathian ("rath")
        "games": {"world": {"source": "hotfix", "elements": {"dragon": 3, "thunder": 3}}},
    }
    kube.apply(BINDINGS, binding("hotfix", [hotfix]))
    wait_for(lambda: cluster_bot.runtime.knowledge.current.monsters["rathalos"].games["world"].source == "hotfix")


def test_readiness_waits_for_the_first_list(fake_kube, fake_api, line_stub):
    kube, api = fake_kube, fake_api
    kube.fail_next(10_000, 500)  # every list fails until the API server recovers below
    settings = settings_for(line_stub, kubernetes=True, namespace="default")
    runtime = build(settings, kube_api=api)
    watcher = _cluster(runtime).watcher
    watcher._backoff = (0.05, 0.1)
    app = app_for(settings, runtime)
    try:
        wait_for(lambda: watcher.errors >= 2)
        assert app.test_client().get("/readyz").status_code == 503
        kube.failures.clear()
        wait_for(lambda: app.test_client().get("/readyz").status_code == 200)
        assert watcher.errors >= 1  # it backed off and recovered
    finally:
        runtime.close()


def _source(api, base_monsters=()):
    from monsterbot.core.model import KnowledgeSet

    class Base:
        def load(self) -> KnowledgeSet:
            return KnowledgeSet(tuple(base_monsters))

        def fingerprint(self) -> str:
            return "base"

        def compiled_index(self) -> None:
            return None

    source = ClusterSource(Base(), api, "default", watch_timeout=1, bot="monsterbot")
    source.watcher._backoff = (0.05, 0.2)
    return source


def test_watch_events_bookmarks_and_410_relist(fake_kube, fake_api):
    kube, api = fake_kube, fake_api
    kube.apply(BINDINGS, binding("one", [LOREM]))
    source = _source(api)
    source.watcher.start()
    try:
        wait_for(lambda: source.ready)
        assert {m.id for m in source.load().monsters} == {"lorem-wyvern"}
        assert source.watcher.lists == 1
        kube.apply(BINDINGS, binding("one", [dict(LOREM, aliases={"en": ["lorem", "ipsum"]})]))  # MODIFIED
        wait_for(lambda: "ipsum" in source.load().monsters[0].aliases["en"])
        # a bookmark moves the resourceVersion on without a change
        kube.bookmark_every = 0.1
        changes = source._changes
        marker = kube.rv
        kube.apply(
            "/apis/monsterbot.io/v1alpha1/namespaces/default/bots",
            {
                "apiVersion": "monsterbot.io/v1alpha1",
                "kind": "Bot",
                "metadata": {"name": "other"},
                "spec": {
                    "channelSecretRef": {"name": "s", "key": "k"},
                    "channelAccessTokenRef": {"name": "s", "key": "t"},
                },
            },
        )
        wait_for(lambda: int(source.watcher.resource_version) > marker)
        assert source._changes == changes
        kube.bookmark_every = 0
        # the version the watcher holds is compacted away: ERROR 410 → list again
        kube.expire_watches()
        kube.apply(
            BINDINGS, binding("two", [dict(LOREM, id="lorem-wyvern-two", names={"en": "Lorem Wyvern Two"}, aliases={})])
        )
        wait_for(lambda: source.watcher.lists >= 2)
        wait_for(lambda: {m.id for m in source.load().monsters} == {"lorem-wyvern", "lorem-wyvern-two"})
        watches = [path for method, path in kube.requests if "watch=" in path]
        assert all("allowwatchbookmarks=true" in p.lower() for p in watches)
        assert all("resourceVersion=" in p for p in watches)
    finally:
        source.watcher.stop()
        source.watcher.join(5)
    assert not source.watcher.is_alive()  # a clean stop


def test_watcher_backs_off_on_errors_and_recovers(fake_kube, fake_api):
    kube, api = fake_kube, fake_api
    kube.fail_next(3, 503)
    source = _source(api)
    source.watcher.start()
    try:
        wait_for(lambda: source.ready)
        assert source.watcher.errors == 3
    finally:
        source.watcher.stop()


def test_a_keyword_reply_line_would_refuse_is_a_problem_of_its_binding():
    """The CRD's maxLength counts code points; LINE counts UTF-16 units: 3,000 emoji pass the one, not the other."""
    from monsterbot.sources.bindings import read_binding

    fits = read_binding(binding("fits", events=[{"keywords": ["喵"], "reply": {"text": "🐱" * 2500}}]))
    assert not fits.problems and fits.knowledge.replies[0].text == "🐱" * 2500
    over = read_binding(binding("over", events=[{"keywords": ["喵"], "reply": {"text": "🐱" * 3000}}]))
    assert over.problems == (
        "spec.events[0].reply.text is 6000 characters as LINE counts them (UTF-16 units); "
        "LINE refuses a text over 5000",
    )
    assert not over.knowledge.replies  # all or nothing: the binding contributes nothing


def test_a_binding_monster_is_held_to_a_files_bounds_and_whole_numbers():
    from monsterbot.sources.bindings import read_binding

    floating = LOREM | {"games": {"world": {"source": "test", "elements": {"fire": 2.0}}}}
    read = read_binding(binding("floating", monsters=[floating]))
    assert read.problems == ("spec.monsters[0].games.world.elements.fire must be a whole number, got 2.0",)
    many = LOREM | {"aliases": {"en": [f"lorem {n}" for n in range(500)]}}
    assert "more than the" in read_binding(binding("many", monsters=[many])).problems[0]


def _labelled(name: str, monster: dict, labels: dict) -> dict:
    obj = binding(name, [monster])
    del obj["spec"]["botRef"]
    obj["metadata"]["labels"] = labels
    return obj


def _wyvern(n: int) -> dict:
    return LOREM | {
        "id": f"lorem-{n}",
        "names": {"en": f"Lorem {n}", "ja": f"ロレム{n}", "zh-TW": f"試驗{n}龍", "zh-CN": f"试验{n}龙"},
        "aliases": {},
    }


@pytest.mark.parametrize(
    ("bot", "selector", "taken"),
    [
        ("monsterbot", {"team": "a"}, {"lorem-1", "lorem-3"}),  # its botRef, and a label match naming no Bot
        ("monsterbot", {}, {"lorem-1"}),
        ("", {}, {"lorem-3", "lorem-4"}),  # the chart's own webhook: the bindings naming no Bot
    ],
)
def test_a_webhook_takes_its_bots_bindings_and_no_other_bots(kube, api, bot, selector, taken):
    kube.apply(BINDINGS, binding("mine", [_wyvern(1)]))
    kube.apply(BINDINGS, binding("theirs", [_wyvern(2)], bot="other-bot"))
    kube.apply(BINDINGS, _labelled("labelled", _wyvern(3), {"team": "a"}))
    kube.apply(BINDINGS, _labelled("unlabelled", _wyvern(4), {}))
    source = _source(api)
    source.bot, source.selector = bot, selector
    source.watcher.start()
    try:
        wait_for(lambda: source.ready)
        assert {m.id for m in source.load().monsters} == taken
    finally:
        source.watcher.stop()


def test_a_binding_the_operator_refuses_gives_the_webhook_nothing(kube, api):
    """A monster taking 火龍 without both sides listing each other: NameCollision in its status, absent from answers."""
    from monsterbot.operator.reconcile import binding_conditions
    from monsterbot.sources.yaml_files import YamlSource
    from tests.conftest import KNOWLEDGE

    thief = _wyvern(5) | {"aliases": {"zh-TW": ["火龍"]}, "ambiguous_with": ["rathalos"]}  # one-sided
    fine = _wyvern(6)
    kube.apply(BINDINGS, binding("a-thief", [thief], [{"keywords": ["開團"], "reply": {"text": "集合！"}}]))
    kube.apply(BINDINGS, binding("b-fine", [fine]))
    base = YamlSource([KNOWLEDGE]).load()
    objects = [binding("a-thief", [thief]), binding("b-fine", [fine])]
    bots = [{"metadata": {"name": "monsterbot", "namespace": "default"}, "spec": {}}]
    verdicts = binding_conditions(objects, bots, base)
    assert verdicts["default/a-thief"].condition["reason"] == "NameCollision"
    assert verdicts["default/b-fine"].condition["reason"] == "Accepted"
    source = _source(api, base.monsters)
    source.watcher.start()
    try:
        wait_for(lambda: source.ready)
        merged = source.load()
        assert "lorem-6" in {m.id for m in merged.monsters} and "lorem-5" not in {m.id for m in merged.monsters}
        assert not merged.replies  # all or nothing: its keyword event is not taken either
    finally:
        source.watcher.stop()


def test_a_binding_giving_one_monster_twice_is_refused_whole():
    from monsterbot.core.model import KnowledgeSet
    from monsterbot.sources.bindings import merge, read_binding

    twice = read_binding(binding("twice", [_wyvern(7), _wyvern(7) | {"names": _wyvern(8)["names"]}]))
    merged, refused = merge(KnowledgeSet(), [twice])
    assert not merged.monsters and refused["default/twice"].reason == "DuplicateMonster"
    assert "given 2 times in this binding" in refused["default/twice"].problems[0]


def test_a_refused_binding_leaves_no_name_behind_for_the_next():
    """merge keeps its index of names as it goes: a binding refused for a collision takes its names back out."""
    from monsterbot.sources.bindings import merge, read_binding
    from monsterbot.sources.yaml_files import YamlSource
    from tests.conftest import KNOWLEDGE

    thief = _wyvern(5) | {"aliases": {"zh-TW": ["火龍"]}}
    heir = _wyvern(6) | {"aliases": {"en": ["Lorem 5"]}}  # the refused one's name, free again
    merged, refused = merge(
        YamlSource([KNOWLEDGE]).load(),
        [read_binding(binding("a-thief", [thief])), read_binding(binding("b-heir", [heir]))],
    )
    assert set(refused) == {"default/a-thief"} and refused["default/a-thief"].reason == "NameCollision"
    assert "lorem-6" in {m.id for m in merged.monsters} and "lorem-5" not in {m.id for m in merged.monsters}


@pytest.mark.parametrize(
    ("keyword", "why"),
    [
        ("火龍", "holds '火龍', a name of rathalos"),
        ("Rathalos weakness", "holds 'rathalos', a name of rathalos"),
        ("試驗龍", "a name of lorem-wyvern"),  # the binding's own monster: its questions would get the keyword reply
        ("ok", "is an ordinary word"),
        ("Hello!", "is an ordinary word"),
    ],
)
def test_a_keyword_event_may_not_shadow_a_name_or_an_ordinary_word(keyword, why):
    """Refused whole with a reason in the binding's status, and absent from the webhook's merge: one rule."""
    from monsterbot.operator.reconcile import binding_conditions
    from monsterbot.sources.bindings import merge, read_binding
    from monsterbot.sources.yaml_files import YamlSource
    from tests.conftest import KNOWLEDGE

    base = YamlSource([KNOWLEDGE]).load()
    shadow = binding(
        "shadow", [LOREM], [{"keywords": ["開團", keyword], "reply": {"text": "Free gems! http://x.example"}}]
    )
    fine = binding("fine", [_wyvern(9)], [{"keywords": ["開團"], "reply": {"text": "今晚九點集合！"}}])
    merged, refused = merge(base, [read_binding(shadow), read_binding(fine)])
    assert set(refused) == {"default/shadow"} and refused["default/shadow"].reason == "KeywordShadows"
    assert why in refused["default/shadow"].problems[0]
    assert [r.text for r in merged.replies if "開團" in r.keywords] == ["今晚九點集合！"]
    assert "lorem-wyvern" not in {m.id for m in merged.monsters}  # whole: its monster is not taken either
    bots = [{"metadata": {"name": "monsterbot", "namespace": "default"}, "spec": {}}]
    condition = binding_conditions([shadow, fine], bots, base)["default/shadow"].condition
    assert (condition["status"], condition["reason"]) == ("False", "KeywordShadows") and why in condition["message"]
