"""``kiosk bagging replay``: a recorded session run against two policies prints the
interventions each would raise, by kind, next to the recorded outcomes; bad input is one
clear line and exit 2 (hypothesis: garbage recordings never crash the parser)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.cli import main
from kiosk.domain.bagging import BaggingPolicy
from kiosk.domain.bagging.replay import RecordingError, parse_recording, replay


def line(basket: str, second: int, event: str, **fields: object) -> str:
    t = f"2026-12-05T10:00:{second:02d}+00:00"
    return json.dumps({"basket": basket, "t": t, "event": event, **fields})


SESSION = "\n".join([
    line("b-1", 0, "bag", g=40),
    line("b-1", 1, "sold", sku="milk", units=1),
    line("b-1", 2, "bag", g=1090),
    line("b-1", 3, "sold", sku="milk", units=1),
    line("b-1", 4, "bag", g=2180),  # 1090 g: 5% over the catalog weight
    line("b-1", 5, "outcome", kind="bagging_weight_mismatch", resolution="approved"),
    line("b-1", 6, "bag", g=2600),  # something unexpected
    line("b-1", 7, "outcome", kind="bagging_unexpected_item", resolution="corrected"),
    line("b-1", 8, "bag", g=2180),
    line("b-2", 9, "bag", g=0),
    line("b-2", 10, "sold", sku="tv", units=1),
    line("b-2", 11, "skip"),
    line("b-2", 12, "sold", sku="milk", units=1),
    line("b-2", 40, "bag", g=1050),  # late: "no item placed" first under a 10 s timeout
]) + "\n"  # fmt: skip

STRICT = """[bagging]
tolerance_g = 10
tolerance_pct = 1
heavy_item_g = 5000
settle_timeout_s = 10
[bagging.item_weights]
milk = 1040
tv = 9000
"""
LENIENT = STRICT.replace("tolerance_pct = 1", "tolerance_pct = 10").replace(
    "settle_timeout_s = 10", "settle_timeout_s = 60"
)


def test_two_policies_give_their_counts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    recording = tmp_path / "lane.jsonl"
    recording.write_text(SESSION, encoding="utf-8")
    (tmp_path / "strict.toml").write_text(STRICT, encoding="utf-8")
    (tmp_path / "lenient.toml").write_text(LENIENT, encoding="utf-8")
    code = main(["bagging", "replay", str(recording),
                 "--policy", str(tmp_path / "strict.toml"),
                 "--policy", str(tmp_path / "lenient.toml")])  # fmt: skip
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    strict, lenient = out.split("policy lenient.toml")
    assert "policy strict.toml: 2 baskets, 4 items" in strict
    rows = {r.split()[0]: r.split()[1:] for r in strict.splitlines()[2:]}
    assert rows["bagging_weight_mismatch"] == ["1", "0", "1"]
    assert rows["bagging_unexpected_item"] == ["1", "1", "0"]
    assert rows["bagging_no_item_placed"] == ["1", "0", "0"]
    assert rows["total"] == ["3"]
    lenient_rows = {r.split()[0]: r.split()[1:] for r in lenient.splitlines()[2:]}
    assert lenient_rows["bagging_weight_mismatch"][0] == "0"
    assert lenient_rows["bagging_no_item_placed"][0] == "0"
    assert lenient_rows["total"] == ["1"]


def test_bad_recording_names_the_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    recording = tmp_path / "lane.jsonl"
    recording.write_text(line("b", 0, "bag", g=1) + "\n" + line("b", 1, "fly") + "\n")
    policy = tmp_path / "p.toml"
    policy.write_text(STRICT, encoding="utf-8")
    assert main(["bagging", "replay", str(recording), "--policy", str(policy)]) == 2
    assert "line 2: event 'fly'" in capsys.readouterr().err


def test_bad_policy_names_the_key(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    recording = tmp_path / "lane.jsonl"
    recording.write_text(SESSION, encoding="utf-8")
    policy = tmp_path / "p.toml"
    policy.write_text("[bagging]\ntolerance_g = -4\n", encoding="utf-8")
    assert main(["bagging", "replay", str(recording), "--policy", str(policy)]) == 2
    assert "bagging.tolerance_g" in capsys.readouterr().err
    policy.write_text("[bagging]\ntolerence_g = 4\n", encoding="utf-8")
    assert main(["bagging", "replay", str(recording), "--policy", str(policy)]) == 2
    assert "unknown key bagging.tolerence_g" in capsys.readouterr().err


@given(st.text(max_size=300))
def test_garbage_recordings_fail_clearly(text: str) -> None:
    try:
        records = parse_recording(text)
    except RecordingError as error:
        assert str(error).startswith("line ")  # noqa: PT017
    else:
        replay(records, BaggingPolicy(enabled=True))


FIELDS = st.dictionaries(
    st.sampled_from(["basket", "t", "event", "g", "sku", "units", "weight_g", "kind"]),
    st.one_of(st.integers(-10**6, 10**6), st.text(max_size=8), st.none(), st.booleans(),
              st.sampled_from(["bag", "sold", "skip", "outcome", "2026-12-05T10:00:00+00:00"])),
)  # fmt: skip


@given(st.lists(FIELDS, max_size=10))
def test_garbage_objects_fail_clearly(objects: list[dict[str, object]]) -> None:
    text = "\n".join(json.dumps(o) for o in objects)
    try:
        records = parse_recording(text)
    except RecordingError as error:
        assert str(error).startswith("line ")  # noqa: PT017
    else:
        replay(records, BaggingPolicy(enabled=True))
