import {
  runItem
} from "../chunk-O2NM6XNB.js";
import "../chunk-KPYUDFQV.js";
import "../chunk-QDGSS5JZ.js";
import "../chunk-PX3IRLHB.js";
import {
  claimNext,
  itemCount
} from "../chunk-PGFLT266.js";

// workers/serve.ts
function serveShares() {
  self.onmessage = (event) => {
    const { job, slot, task } = event.data;
    const claims = new Int32Array(event.data.claims);
    const count = itemCount(task);
    const post = (reply) => self.postMessage(reply);
    const attached = /* @__PURE__ */ new Map();
    for (let i; (i = claimNext(claims, count, slot + 1)) >= 0; ) {
      post({
        kind: "item",
        job,
        index: i,
        result: runItem(task, i, attached)
      });
    }
    post({
      kind: "done",
      job
    });
  };
  self.postMessage({
    kind: "ready"
  });
}

// workers/resolver_worker.ts
serveShares();
