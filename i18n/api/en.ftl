### The JS API reference (api.html), in English: every word the page shows.
###
### Same rules as i18n/en.ftl: every id appears in both languages; page text (ids with a
### hyphen) may carry em, strong, code and a. The examples' code is not here: it is the files
### in site/api/, printed into the page as they run.

## The page

api-title = ReLU Explorer’s JavaScript API
api-tagline = Every number the explorer shows, as functions your own pages can call.
api-back = Back to the explorer
api-lang-label = Language
api-contents = Contents
api-intro =
    The explorer is written in Rust and compiled to WebAssembly, and the same module exports the
    functions it computes with: ReLU, Leaky ReLU, sigmoid and tanh with their backward passes, and
    <code>Mlp</code>, a small network you can train. Course authors build exercises on them: a quiz
    that checks a learner’s answer, a table of gradients, a network trained in the page. Every
    result is the one PyTorch gives, bit for bit for ReLU and Leaky ReLU, within rounding for
    sigmoid, tanh and training.
api-examples-note =
    Each entry below ends with an example: a module file, shown exactly as it runs. Your browser
    has run each one on this page, and what it printed is beneath it; <strong>Run</strong> runs it
    again. A line starting <code>// →</code> says what the line above prints.
api-examples-link = Three example pages built on the API: a quiz, a gradient table, a network training live

## Loading

load-title = Loading the module
load-p-1 =
    The module is <code>relu_explorer.js</code> with its WebAssembly file
    <code>relu_explorer_bg.wasm</code> beside it. Import its functions, then call the default
    export, <code>init()</code>, once: it fetches and compiles the WebAssembly, and every other
    function may be called once its promise resolves.
load-p-2 =
    From the npm package (<code>cargo xtask pack</code> writes it), import
    <code>"relu-explorer"</code> instead; a bundler such as esbuild or Vite finds the
    WebAssembly file itself. In Node, which cannot fetch a local file, read the file and hand
    its bytes to <code>initSync</code>:
load-p-3 =
    Examples on this page import the module from <code>../pkg/relu_explorer.js</code>, where
    this site keeps it; change that line to wherever yours is.

## Conventions

rules-title = What every function does
rules-arrays =
    <strong>Arrays.</strong> Tensors are <code>Float32Array</code>s: PyTorch’s default type is
    32-bit float, and so is this API’s. A plain array or a <code>Float64Array</code> is refused
    rather than silently rounded. A network’s inputs and outputs are flat, row by row: n
    samples of 2 inputs are 2n numbers.
rules-results =
    <strong>Results.</strong> Each call returns a new array and never changes its arguments.
    An element-wise function takes an optional last argument <code>out</code>, as PyTorch’s
    <code>out=</code>: a <code>Float32Array</code> as long as <code>x</code> (<code>x</code>
    itself allowed), which receives the result and is returned. A page that calls every frame
    reuses one array instead of asking the browser for new memory each time.
rules-errors =
    <strong>Errors.</strong> A wrong argument throws an <code>Error</code> whose message names
    the function, the argument and what it should be. Every argument is checked before
    anything is written, so a refused call changes nothing: not <code>out</code>, not the
    network.
rules-values =
    <strong>Values.</strong> Every 32-bit float is a valid input: NaN, ±0, ±∞ and subnormal
    numbers give what PyTorch gives for them. ReLU’s derivative at 0 is 0, PyTorch’s choice.
rules-speed =
    <strong>Speed.</strong> ReLU and Leaky ReLU and their backward passes run WebAssembly SIMD
    loops, four elements an instruction: given <code>out</code>, a call over a few thousand
    elements is 2 to 15 times quicker than a plain JavaScript loop. Without <code>out</code>,
    much of a call’s time goes to the browser making the new array, as it does for a JavaScript
    loop that makes one. Sigmoid and tanh keep pace with a loop over <code>Math.exp</code> or
    <code>Math.tanh</code>, and pull a little ahead with <code>out</code>. Every call costs about half a microsecond before any work, so for a handful of numbers plain
    JavaScript is as quick.

## Element-wise functions

elementwise-title = Element-wise functions
api-torch = In PyTorch
api-returns = Returns
api-throws = Throws when
api-example = Example
api-run = Run
api-output = What it printed
returns-new-or-out = A new <code>Float32Array</code> the length of <code>x</code>, or <code>out</code> when given.
throws-forward = <code>x</code> is not a <code>Float32Array</code>; <code>out</code> is given and is not a <code>Float32Array</code> as long as <code>x</code>.
throws-backward = <code>x</code> or <code>gradOutput</code> is not a <code>Float32Array</code>; their lengths differ; <code>out</code> is wrong, as for the forward function.
throws-leaky = as for <code>relu</code>, and when <code>negativeSlope</code> is given and is not a finite number.
throws-leaky-backward = as for <code>reluBackward</code>, and when <code>negativeSlope</code> is given and is not a finite number.
relu-about =
    ReLU, element by element: <code>x</code> where <code>x</code> is positive, 0 elsewhere.
    PyTorch computes it as <code>clamp_min(x, 0)</code>, which keeps NaN as NaN and −0 as −0; so
    does this.
relu-backward-about =
    What autograd puts in <code>x.grad</code> after <code>y = relu(x)</code> and
    <code>y.backward(gradOutput)</code>: the upstream gradient where <code>x</code> is positive,
    0 where <code>x</code> ≤ 0. At exactly 0 the derivative is undefined and PyTorch picks 0. A
    NaN input lets the gradient through, as PyTorch’s comparison does.
leaky-about =
    Leaky ReLU: <code>x</code> where positive, <code>negativeSlope × x</code> elsewhere, so a
    negative input still has a gradient. <code>negativeSlope</code> is optional, 0.01 by default
    as in PyTorch. It is rounded to a 32-bit float first, as PyTorch’s float tensors do: the
    default is really 0.0099999998.
leaky-backward-about =
    Leaky ReLU’s <code>x.grad</code>: the upstream gradient where <code>x</code> is positive,
    that gradient times <code>negativeSlope</code> elsewhere, 0 included.
sigmoid-about =
    The logistic sigmoid, 1 / (1 + e<sup>−x</sup>), squashing every input into [0, 1]. Within a
    few units in the last place of PyTorch’s result.
sigmoid-backward-about =
    Sigmoid’s <code>x.grad</code>: the upstream gradient times y(1 − y), where y = sigmoid(x).
    It is at most 0.25, at x = 0, and tiny for large |x|: the vanishing gradient the explorer’s
    depth experiment shows.
tanh-about =
    The hyperbolic tangent, squashing every input into [−1, 1], centred on zero. Within a few
    units in the last place of PyTorch’s result.
tanh-backward-about =
    Tanh’s <code>x.grad</code>: the upstream gradient times 1 − y², where y = tanh(x): 1 at
    x = 0, vanishing for large |x|.

## Mlp

mlp-title = A small network: <code>Mlp</code>
mlp-intro =
    <code>Mlp</code> is a fully connected network: linear layers, the hidden activation after
    each but the last, and a linear output, as <code>torch.nn.Sequential</code> of
    <code>nn.Linear</code> and activation layers. It trains by full-batch gradient descent on
    mean-squared error. The network lives in WebAssembly memory; a method’s arguments are
    copied in and its results copied out. The browser frees that memory once the network is
    garbage, or at once when you call <code>net.free()</code>; a freed network cannot be used
    again.
mlp-new-torch = <code>nn.Sequential(nn.Linear(2, 3), nn.ReLU(), nn.Linear(3, 1))</code> for sizes <code>[2, 3, 1]</code>
mlp-new-returns = A network whose weights and biases are all 0, until <code>initialize</code> or <code>setLayer</code>. <code>net.sizes</code> and <code>net.activation</code> read back what it was given.
mlp-new-throws = <code>sizes</code> is not a <code>Uint32Array</code> of 2 to 65 sizes, each 1 to 256; <code>activation</code> is not <code>"relu"</code>, <code>"leaky_relu"</code>, <code>"sigmoid"</code> or <code>"tanh"</code>; <code>negativeSlope</code> is given and not a finite number.
mlp-new-about =
    Layer i maps <code>sizes[i]</code> inputs to <code>sizes[i + 1]</code> outputs, so a network
    with sizes <code>[2, 3, 1]</code> has two layers, numbered 0 and 1, and 3 hidden units.
    <code>negativeSlope</code> matters only for <code>"leaky_relu"</code>.
mlp-layer-torch = <code>net[2 * i].weight</code> and <code>net[2 * i].bias</code>: the same layout, row-major <code>[out][in]</code>
mlp-layer-returns = <code>setLayer</code> nothing; <code>weight(i)</code> and <code>bias(i)</code> a new <code>Float32Array</code> each.
mlp-layer-throws = <code>i</code> is not a layer’s index; the weight does not hold out × in numbers or the bias out numbers; either is not a <code>Float32Array</code>.
mlp-layer-about =
    Read and write one layer’s parameters. Setting them by hand makes a network whose every
    number you know, for a worked example or an exercise.
mlp-init-torch = <code>nn.init.kaiming_normal_</code>, <code>xavier_uniform_</code>, <code>normal_</code>, <code>uniform_</code>, with a seed
mlp-init-returns = Nothing; every weight and bias is replaced.
mlp-init-throws = <code>scheme</code> is none of the four; <code>seed</code> is not a whole number from 0 to 2<sup>53</sup> − 1; <code>biasInit</code> or <code>std</code> is given and not a finite number (<code>std</code> also not negative).
mlp-init-about =
    Random weights from a seed: <code>"he"</code> (normal, standard deviation √(2 / fan-in), for
    ReLU), <code>"xavier"</code> (uniform, for sigmoid and tanh), <code>"normal"</code> (standard
    deviation <code>std</code>, 1 by default) or <code>"uniform"</code> (between −0.5 and 0.5).
    Every bias is set to <code>biasInit</code>, 0 by default. The same seed gives the same
    network in every browser and on every machine, so a class sees the same numbers.
mlp-forward-torch = <code>net(inputs)</code> under <code>torch.no_grad()</code>
mlp-forward-returns = The outputs, a new <code>Float32Array</code>, row-major <code>[n][out]</code>.
mlp-forward-throws = <code>inputs</code> is not a <code>Float32Array</code> holding a whole number (at least 1) of rows of <code>in</code> numbers.
mlp-forward-about =
    The network’s outputs for n inputs, given row after row. In the example, two ReLU units
    compute |x₀ − x₁| between them: exclusive or, for inputs of 0 and 1.
mlp-train-torch = <code>loss = F.mse_loss(net(inputs), targets); loss.backward(); optimizer.step()</code> with <code>torch.optim.SGD(net.parameters(), lr=learningRate)</code>, after <code>zero_grad()</code>
mlp-train-returns = The loss before the step, as a number.
mlp-train-throws = <code>inputs</code> and <code>targets</code> do not hold the same number n ≥ 1 of rows; <code>learningRate</code> is not a finite number. A step whose loss is not finite still runs, as PyTorch’s would: check the loss.
mlp-train-about =
    One step of gradient descent on the mean-squared error over all n × out outputs, every
    sample at once. Call it in a loop, or once per animation frame to show a network learning.
mlp-dead-torch = no single call: <code>(pre_activation &lt;= 0).all(dim=0)</code> for each hidden layer
mlp-dead-returns = A <code>Uint8Array</code>, one entry per hidden unit, layer after layer: 1 for a dead unit, 0 for a live one.
mlp-dead-throws = as for <code>forward</code>.
mlp-dead-about =
    Which hidden units are dead for these inputs: a unit whose pre-activation is ≤ 0 for every
    one of them outputs 0 for all, passes back no gradient, and so cannot learn its way out. In
    the example the third unit’s bias of −10 keeps it off for every input.
