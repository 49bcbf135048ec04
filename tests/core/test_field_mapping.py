"""Reading a per-account field mapping and turning helpdesk values into ours."""

from __future__ import annotations

from cre_desk.core.field_mapping import category_of, flatten, mapped_values, parse, platform_of, render


def test_mapping_round_trips_and_drops_fields_we_do_not_have():
    text = "sdk_version = custom_fields.360002\nplatform=custom_fields.360001\nassignee = x\nnonsense"
    mapping = parse(text)
    assert mapping == {"sdk_version": "custom_fields.360002", "platform": "custom_fields.360001"}
    assert render(mapping) == "platform = custom_fields.360001\nsdk_version = custom_fields.360002"


def test_values_become_ours_or_are_left_out():
    assert [platform_of(v) for v in ("iOS 17.4", "Android 14", "React web", "Unity")] == [
        "ios",
        "android",
        "web",
        None,
    ]
    assert [category_of(v) for v in ("Bug report", "feature_request", "How-to question", "Billing")] == [
        "bug",
        "feature_request",
        "spec_question",
        None,
    ]
    values = {
        "custom_fields.1": "iPadOS 17",
        "custom_fields.2": "  5.2.1 ",
        "custom_fields.3": "Billing",
        "custom_fields.4": "Urgent",
    }
    mapping = {
        "platform": "custom_fields.1",
        "sdk_version": "custom_fields.2",
        "category": "custom_fields.3",
        "priority": "custom_fields.4",
        "app_version": "custom_fields.9",
    }
    assert mapped_values(values, mapping) == {"platform": "ios", "sdk_version": "5.2.1", "priority": "urgent"}


def test_each_vendors_custom_fields_flatten_to_named_keys():
    zendesk = [
        {"id": 360001, "value": "android"},
        {"id": 360002, "value": None},
        {"id": 360003, "value": True},
    ]
    assert flatten("custom_fields", zendesk) == {
        "custom_fields.360001": "android",
        "custom_fields.360003": "yes",
    }
    helpscout = [{"id": 8, "name": "Platform", "value": "12", "text": "iOS"}]
    assert flatten("customFields", helpscout) == {"customFields.8": "iOS", "customFields.Platform": "iOS"}
    intercom = {"SDK version": "5.2", "Tags": ["a", "b"], "nested": {"x": 1}}
    assert flatten("custom_attributes", intercom) == {
        "custom_attributes.SDK version": "5.2",
        "custom_attributes.Tags": "a, b",
    }
