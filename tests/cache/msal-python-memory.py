#!/usr/bin/python3
# What MSAL Python (Debian's python3-msal) holds for the cache file bench_tokencache's
# residentMemory10kAppTokens loads: 10,000 app tokens, one per tenant. For comparison only:
#   /usr/bin/python3 tests/cache/msal-python-memory.py
import json, gc, msal
def rss():
    with open('/proc/self/status') as f:
        for l in f:
            if l.startswith('VmRSS:'): return int(l.split()[1])*1024
at={}
for i in range(10000):
    realm='%08d-0000-4000-8000-000000000000'%i
    sec=('eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.app-token-%d.'%i)*16
    k='-login.microsoftonline.com-accesstoken-6731de76-14a6-49ae-97bc-6eba6914391e-%s-https://graph.microsoft.com/.default'%realm
    at[k]={"credential_type":"AccessToken","secret":sec,"home_account_id":"","environment":"login.microsoftonline.com","client_id":"6731de76-14a6-49ae-97bc-6eba6914391e","realm":realm,"target":"https://graph.microsoft.com/.default","token_type":"Bearer","cached_at":"1700000000","expires_on":"1900000000","extended_expires_on":"1900000000"}
s=json.dumps({"AccessToken":at,"RefreshToken":{},"IdToken":{},"Account":{},"AppMetadata":{}})
del at; gc.collect()
print("file %.1f MB"%(len(s)/1e6))
import tracemalloc; tracemalloc.start(); b=tracemalloc.get_traced_memory()[0]
c=msal.SerializableTokenCache(); c.deserialize(s); b-=0
del s; gc.collect()
print("MSAL Python %s: the loaded cache holds %.1f MB (tracemalloc)"%(msal.__version__,(tracemalloc.get_traced_memory()[0]-b+0)/1e6))
