from gateway.stripe.encoding import encode_params


def test_nested_lists_and_booleans_use_stripe_brackets() -> None:
    params = {
        "mode": "payment",
        "line_items": [{"price": "price_1", "quantity": 2}, {"price_data": {"unit_amount": 5}}],
        "automatic_tax": {"enabled": True},
        "allow_promotion_codes": False,
        "customer": None,
        "expand": ["line_items"],
    }
    assert encode_params(params) == [
        ("mode", "payment"),
        ("line_items[0][price]", "price_1"),
        ("line_items[0][quantity]", "2"),
        ("line_items[1][price_data][unit_amount]", "5"),
        ("automatic_tax[enabled]", "true"),
        ("allow_promotion_codes", "false"),
        ("expand[0]", "line_items"),
    ]


def test_none_deep_inside_is_left_out() -> None:
    assert encode_params({"a": {"b": None, "c": [None, "x"]}}) == [("a[c][1]", "x")]
