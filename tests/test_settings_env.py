"""config.env.env_bool: a typo in a yes/no variable stops the start, never reads as no."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from config.env import env_bool

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("value", ["1", "true", "True", "YES", "on", " On "])
def test_it_reads_a_true_value(monkeypatch, value):
    monkeypatch.setenv("OPV_TEST_FLAG", value)
    assert env_bool("OPV_TEST_FLAG", False) is True


@pytest.mark.parametrize("value", ["0", "false", "FALSE", "no", "Off"])
def test_it_reads_a_false_value(monkeypatch, value):
    monkeypatch.setenv("OPV_TEST_FLAG", value)
    assert env_bool("OPV_TEST_FLAG", True) is False


def test_it_returns_the_default_when_the_variable_is_unset(monkeypatch):
    monkeypatch.delenv("OPV_TEST_FLAG", raising=False)
    assert env_bool("OPV_TEST_FLAG", True) is True
    assert env_bool("OPV_TEST_FLAG", False) is False


@pytest.mark.parametrize("value", ["ture", "", "2", "y", "nee", "disabled"])
def test_it_refuses_an_unknown_value_naming_the_variable(monkeypatch, value):
    monkeypatch.setenv("OPV_TEST_FLAG", value)
    with pytest.raises(ImproperlyConfigured, match="OPV_TEST_FLAG"):
        env_bool("OPV_TEST_FLAG", False)


def test_a_typo_in_otp_required_stops_the_start():
    env = {**os.environ, "OTP_REQUIRED": "flase"}
    env.pop("DATABASE_URL", None)
    result = subprocess.run(  # noqa: S603 (our own interpreter and manage.py)
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "OTP_REQUIRED" in result.stderr


@pytest.mark.parametrize(
    ("value", "mapping"),
    [
        ("prt@provincie.example", {"*": "prt@provincie.example"}),
        ("PV26=prt@utrecht.example, PV27=prt@nh.example",
         {"PV26": "prt@utrecht.example", "PV27": "prt@nh.example"}),
        ("", {}),
    ],
)  # fmt: skip
def test_a_mapping_reads_one_value_for_all_or_one_per_code(monkeypatch, value, mapping):
    from config.env import env_mapping

    monkeypatch.setenv("OPV_TEST_MAP", value)
    assert env_mapping("OPV_TEST_MAP") == mapping


def test_a_mapping_refuses_a_code_without_a_value(monkeypatch):
    from config.env import env_mapping

    monkeypatch.setenv("OPV_TEST_MAP", "PV26=")
    with pytest.raises(ImproperlyConfigured, match="OPV_TEST_MAP"):
        env_mapping("OPV_TEST_MAP")
