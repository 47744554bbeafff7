"""A small HTTP client for a workshop hub under test: the REST API with tokens, and the web forms with cookies."""
import http.cookiejar
import json
import re
import urllib.parse
import urllib.request


class HubClient:
    def __init__(self, base: str):
        self.base = base.rstrip("/")
        self.jar = http.cookiejar.CookieJar()
        self.web = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def api(self, method: str, path: str, body=None, token: str | None = None) -> tuple[int, object]:
        request = urllib.request.Request(self.base + path, method=method,
                                         data=None if body is None else json.dumps(body).encode())
        if token:
            request.add_header("Authorization", f"token {token}")
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return response.status, _decoded(response.read().decode())
        except urllib.error.HTTPError as error:
            return error.code, _decoded(error.read().decode())

    def token(self, account: str, password: str) -> tuple[int, object]:
        return self.api("POST", f"/hub/api/users/{account}/tokens",
                        {"auth": {"username": account, "password": password}})

    def form(self, path: str, fields: dict) -> str:
        """GET a page for its _xsrf field, then POST the form with the same cookies; the answer's text."""
        with self.web.open(self.base + path, timeout=60) as page:
            xsrf = re.search(r'name="_xsrf" value="([^"]+)"', page.read().decode())
        data = urllib.parse.urlencode({**fields, **({"_xsrf": xsrf.group(1)} if xsrf else {})}).encode()
        with self.web.open(urllib.request.Request(self.base + path, data=data, method="POST"), timeout=60) as answer:
            return answer.read().decode()


def _decoded(text: str):
    """A JSON answer as data, any other page (HTML, CSS) as its text, an empty one as None."""
    try:
        return json.loads(text) if text else None
    except ValueError:
        return text
