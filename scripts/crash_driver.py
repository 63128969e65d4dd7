#!/usr/bin/env python3
"""One crash run (see crash-test.sh): start the published server, start a large import commit, kill -9 the server
at a random point, restart it, and check what the issue asks: the figure count is exactly before or before + N, the
database is intact, no audit line names a figure that does not exist, the job is failed (nothing written) or done
exactly once, and the server starts cleanly. Prints one line; exit status 0 when every check held."""
import http.cookiejar, io, json, os, random, signal, sqlite3, subprocess, sys, time, urllib.request, uuid, zipfile

app, provider, data, port, run, rows = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6])
pg = os.environ.get("CRASH_PG", "")  # "host port database" for PostgreSQL
base = f"http://127.0.0.1:{port}"
password = "Crash-Test-Root-2026!"
env = dict(os.environ, Tongxin__DataDirectory=data, TONGXIN_ADMIN_PASSWORD=password, ASPNETCORE_URLS=base,
           Tongxin__SeedDemoOnFirstStart="false", Tongxin__JobLeaseSeconds="3", Tongxin__LoginAttemptsPerMinute="1000",
           Serilog__MinimumLevel__Default="Warning")
if provider == "postgres":
    host, pgport, db = pg.split()
    env.update(Tongxin__Database="postgres",
               ConnectionStrings__Tongxin=f"Host={host};Port={pgport};Username=postgres;Database={db}")
failures = []


def start(logname):
    log = open(os.path.join(data, logname), "ab")
    proc = subprocess.Popen(["dotnet", os.path.join(app, "Tongxin.dll"), "serve"], cwd=data, env=env, stdout=log, stderr=log)
    for _ in range(600):
        if proc.poll() is not None:
            raise SystemExit(f"crash {provider} #{run}: FAILED the server exited at start (see {data}/{logname})")
        try:
            if urllib.request.urlopen(base + "/health", timeout=2).status == 200:
                return proc
        except Exception:
            time.sleep(0.2)
    raise SystemExit(f"crash {provider} #{run}: FAILED the server did not answer /health")


class Client:
    def __init__(self):
        self.jar = http.cookiejar.CookieJar()
        self.http = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def call(self, method, path, body=None, content_type="application/json"):
        data_ = json.dumps(body).encode() if content_type == "application/json" and body is not None else body
        req = urllib.request.Request(base + path, data=data_, method=method)
        if data_ is not None: req.add_header("Content-Type", content_type)
        xsrf = next((c.value for c in self.jar if c.name == "XSRF-TOKEN"), None)
        if xsrf: req.add_header("X-XSRF-TOKEN", xsrf)
        try:
            with self.http.open(req, timeout=120) as r:
                return r.status, json.loads(r.read() or b"null")
        except urllib.error.HTTPError as e:
            return e.code, e.read().decode("utf-8", "replace")


def sign_in():
    c = Client()
    status, body = c.call("POST", "/api/auth/login", {"userName": "admin", "password": password})
    if status != 200: raise SystemExit(f"crash {provider} #{run}: FAILED sign-in {status} {body}")
    return c


def check_digit(first17):
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return "10X98765432"[sum(int(d) * w for d, w in zip(first17, weights)) % 11]


def workbook(n):
    """A minimal .xlsx with inline strings: 姓名, 身份证号, 平台, 账号, 粉丝数."""
    chars = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜戚谢邹喻柏水窦章云苏潘葛奚范彭郎鲁韦"
    tag = uuid.uuid4().hex[:6]

    def cell(ref, text):
        return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'
    out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>']
    out.append('<row r="1">' + "".join(cell(f"{c}1", t) for c, t in zip("ABCDE", ["姓名", "身份证号", "平台", "账号", "粉丝数"])) + "</row>")
    day0 = random.randrange(0, 12000)
    for i in range(n):
        r = i + 2
        name = "测" + chars[i % 47] + chars[(i // 47) % 47] + chars[(i // 2209) % 47]
        birth = time.strftime("%Y%m%d", time.gmtime(86400 * (day0 + i // 500) + 0))
        first17 = "510502" + birth + f"{i % 500 * 2 + 1:03d}"[-3:]
        out.append(f'<row r="{r}">' + cell(f"A{r}", name) + cell(f"B{r}", first17 + check_digit(first17)) + cell(f"C{r}", "抖音")
                   + cell(f"D{r}", f"crash_{tag}_{i}") + f'<c r="E{r}"><v>{1000 + i}</v></c></row>')
    out.append("</sheetData></worksheet>")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')
        z.writestr("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        z.writestr("xl/workbook.xml", '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
        z.writestr("xl/worksheets/sheet1.xml", "".join(out))
    return buf.getvalue()


def sql(query):
    """One row of one query, as strings."""
    if provider == "sqlite":
        con = sqlite3.connect(os.path.join(data, "tongxin.db"), timeout=30)
        try:
            return [str(v) for v in con.execute(query).fetchone()]
        finally:
            con.close()
    out = subprocess.run(["psql", "-h", host, "-p", pgport, "-U", "postgres", "-d", db, "-tAX", "-F", "|", "-c", query],
                         capture_output=True, text=True, check=True).stdout.strip()
    return out.splitlines()[-1].split("|") if out else []


def figures():
    return int(sql('SELECT count(*) FROM "Figures"')[0])


server = start("server.log")
client = sign_in()
before = figures()
file = workbook(rows)
boundary = uuid.uuid4().hex
body = (f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="crash.xlsx"\r\n'
        f"Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n").encode() + file + f"\r\n--{boundary}--\r\n".encode()
status, accepted = client.call("POST", "/api/figures/import?mode=commit", body, f"multipart/form-data; boundary={boundary}")
if status != 202: raise SystemExit(f"crash {provider} #{run}: FAILED upload {status} {accepted}")
job = accepted["jobId"]
# Wait for the job to run, then kill at a random point of the import (sometimes after it has ended).
deadline = time.time() + 60
while time.time() < deadline:
    s, st = client.call("GET", f"/api/import-jobs/{job}")
    if s == 200 and st["state"] != "queued": break
    time.sleep(0.05)
delay = random.uniform(0, float(os.environ.get("CRASH_WINDOW", "6")))
time.sleep(delay)
s, st = client.call("GET", f"/api/import-jobs/{job}")
seen = f"{st['state']} {st['processedRows']}/{st['totalRows']}" if s == 200 else str(s)
os.kill(server.pid, signal.SIGKILL)
server.wait()

server = start("server-restarted.log")
client = sign_in()
deadline = time.time() + 30
state = None
while time.time() < deadline:
    s, st = client.call("GET", f"/api/import-jobs/{job}")
    state = st["state"] if s == 200 else f"HTTP {s}"
    if state in ("failed", "done"): break
    time.sleep(0.3)
after = figures()
if after not in (before, before + rows): failures.append(f"figures {before} -> {after} (neither +0 nor +{rows})")
if after == before + rows and state != "done": failures.append(f"all rows are in but the job is {state}")
if after == before and state != "failed": failures.append(f"nothing was written but the job is {state}")
if state == "done":
    report = st.get("report") or {}
    if report.get("created") != rows or not report.get("batchId"): failures.append(f"done, but its report says {report}")
    batches = int(sql('SELECT count(*) FROM "ImportBatches"')[0])
    if batches != 1: failures.append(f"{batches} import batches for one job")
# No audit line names a figure that does not exist (nothing was deleted in this database).
orphans = sql('SELECT count(*) FROM "AuditEntries" a WHERE a."FigureId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "Figures" f WHERE f."Id" = a."FigureId")')[0]
if orphans != "0": failures.append(f"{orphans} audit lines name a missing figure")
for what, q in [("accounts without figure", 'SELECT count(*) FROM "PlatformAccounts" a WHERE NOT EXISTS (SELECT 1 FROM "Figures" f WHERE f."Id" = a."FigureId")'),
                ("snapshots without account", 'SELECT count(*) FROM "MetricSnapshots" s WHERE NOT EXISTS (SELECT 1 FROM "PlatformAccounts" a WHERE a."Id" = s."AccountId")'),
                ("search keys without figure", 'SELECT count(*) FROM "FigureSearchKeys" k WHERE NOT EXISTS (SELECT 1 FROM "Figures" f WHERE f."Id" = k."FigureId")'),
                ("figures of an unknown batch", 'SELECT count(*) FROM "Figures" f WHERE f."ImportBatchId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "ImportBatches" b WHERE b."Id" = f."ImportBatchId")')]:
    n = sql(q)[0]
    if n != "0": failures.append(f"{n} {what}")
if client.call("GET", "/api/figures?pageSize=1")[0] != 200: failures.append("the figure list does not answer after the restart")
server.send_signal(signal.SIGTERM)
server.wait(timeout=60)
if provider == "sqlite":
    ok = sql("PRAGMA integrity_check")[0]
    if ok != "ok": failures.append(f"integrity_check: {ok}")
    fk = sqlite3.connect(os.path.join(data, "tongxin.db")).execute("PRAGMA foreign_key_check").fetchall()
    if fk: failures.append(f"foreign_key_check: {len(fk)} rows")
else:
    # amcheck raises an error on a damaged B-tree index (heapallindexed: every row is in its indexes).
    try:
        sql("CREATE EXTENSION IF NOT EXISTS amcheck")
        sql("""SELECT count(*) FROM (SELECT bt_index_check(c.oid, true) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
               JOIN pg_am am ON am.oid = c.relam JOIN pg_namespace n ON n.oid = c.relnamespace
               WHERE am.amname = 'btree' AND n.nspname = 'public') x""")
    except subprocess.CalledProcessError as e:
        failures.append("btree index check: " + (e.stderr or "").strip()[:300])
with open(os.path.join(data, "server-restarted.log"), errors="replace") as f:
    text = f.read()
    if "Unhandled" in text or "[FTL]" in text: failures.append("the restarted server logged an unhandled error")
outcome = f"killed after {delay:.1f} s at {seen}; figures +{after - before}; job {state}"
if failures:
    print(f"crash {provider} #{run}: FAILED {outcome}: " + "; ".join(failures))
    sys.exit(1)
print(f"crash {provider} #{run}: ok, {outcome}")
