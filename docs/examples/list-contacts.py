"""Logs in to the Call-Em-All API v1 (or the Callboard sandbox) and lists the first contacts.

apt-get install python3-requests-oauthlib (or pip install requests-oauthlib), then:
CEA_API_URL=http://127.0.0.1:8090 CEA_APP_KEY=... CEA_SECRET_KEY=... python3 list-contacts.py
"""
import os

import requests
from requests_oauthlib import OAuth1

api = os.environ.get("CEA_API_URL", "http://127.0.0.1:8090")
app_key, secret_key = os.environ["CEA_APP_KEY"], os.environ["CEA_SECRET_KEY"]

# Login is signed with the AppKey and SecretKey alone.
login = requests.post(
    f"{api}/v1/user/login",
    json={"UserName": os.environ.get("CEA_USER", "apitest@cea"), "PinCode": os.environ.get("CEA_PIN", "notmypwd123!!!")},
    auth=OAuth1(app_key, client_secret=secret_key),
    timeout=30,
)
login.raise_for_status()

# Every other call carries the AuthToken as the OAuth token (it has no secret of its own).
auth = OAuth1(app_key, client_secret=secret_key, resource_owner_key=login.json()["AuthToken"])
page = requests.get(f"{api}/v1/contacts", params={"pagesize": 5}, auth=auth, timeout=30)
page.raise_for_status()
contacts = page.json()
print(f"{contacts['Size']} contacts; the first {len(contacts['Items'])}:")
for contact in contacts["Items"]:
    print(f"  {contact['PersonID']} {contact['FirstName']} {contact['LastName']} {contact['PrimaryPhone']}")
