"""Catalogue entries for input problems (scenario and plan files)."""

from scheduler.i18n import register

register({
    "input.missing": ("缺少必填字段", "required field is missing"),
    "input.type": ("类型不正确，应为 {expected}", "wrong type, expected {expected}"),
    "input.bad_date": ("日期“{value}”无效，应为真实存在的 YYYY-MM-DD 日期",
                       "invalid date '{value}', expected a real YYYY-MM-DD date"),
    "input.bad_time": ("时间“{value}”无效，应为 HH:MM", "invalid time '{value}', expected HH:MM"),
    "input.bad_enum": ("取值“{value}”无效，可选：{allowed}", "invalid value '{value}', allowed: {allowed}"),
    "input.unreadable": ("无法读取文件：{reason}", "cannot read the file: {reason}"),
    "input.bad_json": ("JSON 格式错误：{reason}", "malformed JSON: {reason}"),
    "input.bad_yaml": ("YAML 格式错误：{reason}", "malformed YAML: {reason}"),
    "plan.bad_format": ("format 应为“{expected}”，实为“{value}”", "format should be '{expected}', found '{value}'"),
})
