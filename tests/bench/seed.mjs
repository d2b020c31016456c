// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
// Seeds N users through a SCIM server's POST /Users, one in ten with a password (as Microsoft Entra ID sends them),
// over CONCURRENCY keep-alive connections; writes names.txt and ids.txt (line i: user i) into OUTDIR for the wrk
// workloads of ../shared/bench. Prints "SEED secs=… rps=… errors=…". SEED_PASSWORD_EVERY=N puts a password on one
// user in N instead (0: none), to tell the hashing's share of the time.
//   node tests/bench/seed.mjs BASE_URL TOKEN N OUTDIR [CONCURRENCY]
import http from "node:http";
import fs from "node:fs";

const [base, token, count, outdir, concurrency = "32"] = process.argv.slice(2);
if (!base || !token || !count || !outdir) {
    console.error("usage: node seed.mjs BASE_URL TOKEN N OUTDIR [CONCURRENCY]");
    process.exit(2);
}
const total = Number(count);
const passwordEvery = Number(process.env.SEED_PASSWORD_EVERY ?? "10");
const target = new URL(base.replace(/\/$/, ""));
const agent = new http.Agent({keepAlive: true, maxSockets: Number(concurrency)});

function post(path, body) {
    return new Promise((resolve, reject) => {
        const request = http.request({
            host: target.hostname, port: target.port, method: "POST", path: target.pathname + path, agent,
            headers: {
                "Authorization": `Bearer ${token}`, "Content-Type": "application/scim+json",
                "Content-Length": Buffer.byteLength(body),
            },
        }, (response) => {
            let text = "";
            response.setEncoding("utf8");
            response.on("data", (chunk) => { text += chunk; });
            response.on("end", () => resolve({status: response.statusCode, text}));
        });
        request.on("error", reject);
        request.end(body);
    });
}

const names = Array.from({length: total}, (_, i) => "user" + String(i + 1).padStart(7, "0"));
const ids = new Array(total);
let next = 0, errors = 0;
async function worker() {
    while (next < total) {
        const i = next++;
        const user = {
            schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
            userName: names[i], displayName: `Seed ${names[i]}`,
            name: {givenName: "Seed", familyName: names[i]},
            emails: [{value: `${names[i]}@example.com`, type: "work", primary: true}],
            active: true,
        };
        if (passwordEvery > 0 && i % passwordEvery === 0)
            user.password = `Seed-Passw0rd-${i}!`;
        try {
            const {status, text} = await post("/Users", JSON.stringify(user));
            if (status === 201)
                ids[i] = JSON.parse(text).id;
            else if (++errors <= 5)
                console.error(`seed: ${names[i]}: HTTP ${status} ${text.slice(0, 200)}`);
        } catch (error) {
            if (++errors <= 5)
                console.error(`seed: ${names[i]}: ${error.message}`);
        }
    }
}
const started = process.hrtime.bigint();
await Promise.all(Array.from({length: Number(concurrency)}, worker));
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
fs.mkdirSync(outdir, {recursive: true});
const kept = names.map((name, i) => [name, ids[i]]).filter(([, id]) => id);
fs.writeFileSync(`${outdir}/names.txt`, kept.map(([name]) => name).join("\n") + "\n");
fs.writeFileSync(`${outdir}/ids.txt`, kept.map(([, id]) => id).join("\n") + "\n");
console.log(`SEED secs=${seconds.toFixed(2)} rps=${(total / seconds).toFixed(1)} errors=${errors} created=${kept.length}`);
agent.destroy();
