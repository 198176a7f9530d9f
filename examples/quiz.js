// Predict the output: a quiz on relu and reluBackward, built on the JS API alone. The page shows
// an x and an upstream gradient; the learner types y and x.grad; the API's answer decides.
// The questions cover both sides of the kink and the kink itself, where PyTorch's choice (0)
// is the lesson. State for scripts and tests: #quiz's data-question (index), data-score and
// data-asked, and #verdict's data-verdict ("right", "wrong" or "invalid").

import init, { relu, reluBackward } from "../pkg/relu_explorer.js";

await init();

/** The questions, in order: x and the gradient flowing back into y. */
const QUESTIONS = [
  { x: 2, gradOutput: 3 },
  { x: -1.5, gradOutput: 2 },
  { x: 0, gradOutput: 5 },
  { x: 0.5, gradOutput: -4 },
  { x: -3, gradOutput: 1 },
  { x: 1.25, gradOutput: 0.5 },
];

const $ = (id) => document.getElementById(id);
const quiz = $("quiz");
const verdict = $("verdict");
const inputs = [$("answer-y"), $("answer-grad")];
let index = 0;
let score = 0;
let asked = 0;
let answered = false;

/** A typed answer as a number, or null when it is not one. Accepts a comma as the decimal
 * point and the minus sign U+2212, as people type them. */
function parse(text) {
  const clean = text.trim().replace(",", ".").replace("−", "-");
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(clean)) return null;
  return Number(clean);
}

/** Shows the verdict's parts named in `says`, hides the rest. */
function say(kind, ...says) {
  verdict.dataset.verdict = kind;
  for (const part of verdict.querySelectorAll("[data-says]")) {
    part.hidden = !says.includes(part.dataset.says);
  }
}

function show() {
  const question = QUESTIONS[index];
  quiz.dataset.question = String(index);
  $("number").textContent = String(asked + (answered ? 0 : 1));
  $("x").textContent = String(question.x);
  $("grad-output").textContent = String(question.gradOutput);
  for (const input of inputs) {
    input.value = "";
    input.removeAttribute("aria-invalid");
  }
  say("");
}

function check(event) {
  event.preventDefault();
  const typed = inputs.map((input) => parse(input.value));
  inputs.forEach((input, i) => input.setAttribute("aria-invalid", String(typed[i] === null)));
  if (typed.includes(null)) {
    say("invalid", "invalid");
    return;
  }
  const question = QUESTIONS[index];
  const x = new Float32Array([question.x]);
  const y = relu(x)[0];
  const grad = reluBackward(x, new Float32Array([question.gradOutput]))[0];
  // 0 and -0 are the same answer to a learner (ReLU of -0 is -0 in PyTorch too).
  const right = typed[0] === y && typed[1] === grad;
  if (!answered) {
    answered = true;
    asked += 1;
    if (right) score += 1;
  }
  quiz.dataset.score = String(score);
  quiz.dataset.asked = String(asked);
  $("score").textContent = String(score);
  $("asked").textContent = String(asked);
  $("right-y").textContent = String(y);
  $("right-grad").textContent = String(grad);
  const why = question.x > 0 ? "why-positive" : question.x < 0 ? "why-negative" : "why-zero";
  say(right ? "right" : "wrong", right ? "right" : "wrong", why);
}

$("answer").addEventListener("submit", check);
$("next").addEventListener("click", () => {
  index = (index + 1) % QUESTIONS.length;
  answered = false;
  show();
  inputs[0].focus();
});
show();
