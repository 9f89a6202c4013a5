"""The request's language: the storefront's, limited to the languages the
plugin speaks (openorder_plugin.l10n.LANGUAGES)."""

from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.utils.translation.trans_real import parse_accept_lang_header

from . import l10n


def request_language(request):
    """English or Indonesian for a request.

    Django's own choice (translation.get_language_from_request: the
    language cookie, then Accept-Language among settings.LANGUAGES) when it
    is one of ours; else the first of ours the Accept-Language header accepts
    at all ("de, en;q=0.5" is English); else the shop's language
    (settings.LANGUAGE_CODE, through l10n.language_of). Saleor's LANGUAGES
    stay as they are: its GraphQL LanguageCodeEnum is built from them."""
    language = l10n.supported_language(translation.get_language_from_request(request))
    if language:
        return language
    for code, quality in parse_accept_lang_header(
        request.META.get("HTTP_ACCEPT_LANGUAGE", "")
    ):
        language = l10n.supported_language(code)
        if language and quality > 0:
            return language
    return l10n.language_of(None)


class BuyerLanguageMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, activating the language request_language
    picks. Saleor then stores it as the order's language_code at
    checkoutComplete, and the plugin's messages are written in it."""

    def process_request(self, request):
        translation.activate(request_language(request))
        request.LANGUAGE_CODE = translation.get_language()
