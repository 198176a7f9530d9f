### JS API 参考页（api.html），简体中文：页面上显示的每一个字。
###
### 规则与 i18n/zh-CN.ftl 相同：每个 id 都必须在两个文件中出现；页面正文（带连字符的 id）
### 可含 em、strong、code 和 a。示例代码不在这里：它们是 site/api/ 中的文件，按运行时的原样印在页面上。

## 页面

api-title = ReLU 探索器的 JavaScript API
api-tagline = 探索器显示的每一个数值，都可以由你自己的网页以函数的形式调用。
api-back = 返回探索器
api-lang-label = 语言
api-contents = 目录
api-intro =
    探索器用 Rust 编写并编译为 WebAssembly，这个模块同时导出了探索器自己用来计算的函数：ReLU、Leaky ReLU、sigmoid 和 tanh
    及其反向传播，以及一个可以训练的小型网络 <code>Mlp</code>。课程作者可以在它们之上构建练习：检查学习者答案的测验、梯度表、
    在网页中训练的网络。每个结果都与 PyTorch 给出的相同：ReLU 与 Leaky ReLU 逐位一致，sigmoid、tanh 和训练在舍入误差范围内一致。
api-examples-note =
    下面每个条目的末尾都有一个示例：一个模块文件，按它运行时的原样显示。你的浏览器已在本页运行过每个示例，输出的内容就在示例下方；
    点击<strong>运行</strong>可以再运行一次。以 <code>// →</code> 开头的一行说明上一行会输出什么。
api-examples-link = 三个基于本 API 的示例网页：测验、梯度表、实时训练的网络

## 加载

load-title = 加载模块
load-p-1 =
    模块是 <code>relu_explorer.js</code>，旁边是它的 WebAssembly 文件 <code>relu_explorer_bg.wasm</code>。导入需要的函数，
    然后调用一次默认导出 <code>init()</code>：它会获取并编译 WebAssembly，其返回的 promise 完成之后，其他函数都可以调用。
load-p-2 =
    使用 npm 包（由 <code>cargo xtask pack</code> 生成）时，改为导入 <code>"relu-explorer"</code>；esbuild、Vite
    等打包工具会自己找到 WebAssembly 文件。Node 无法用 fetch 读取本地文件，请自行读取文件，把字节交给 <code>initSync</code>：
load-p-3 =
    本页的示例从 <code>../pkg/relu_explorer.js</code> 导入模块，这是本站存放它的位置；请把这一行改成你的模块所在的位置。

## 约定

rules-title = 所有函数的共同约定
rules-arrays =
    <strong>数组。</strong>张量用 <code>Float32Array</code> 表示：PyTorch 的默认类型是 32 位浮点数，本 API 也是。普通数组或
    <code>Float64Array</code> 会被拒绝，而不是被悄悄舍入。网络的输入和输出都是按行展平的：n 个各有 2 个输入的样本就是 2n 个数。
rules-results =
    <strong>结果。</strong>每次调用都返回一个新数组，绝不修改传入的参数。逐元素函数接受一个可选的最后参数
    <code>out</code>，与 PyTorch 的 <code>out=</code> 相同：一个与 <code>x</code> 等长的 <code>Float32Array</code>（可以就是
    <code>x</code> 本身），结果写入其中并将其返回。每一帧都要调用的网页可以反复使用同一个数组，而不必每次都向浏览器申请新内存。
rules-errors =
    <strong>错误。</strong>参数有误时会抛出 <code>Error</code>，其消息指出函数名、参数名以及它应当是什么。所有参数都会在写入任何内容之前检查完毕，
    因此被拒绝的调用不会改变任何东西：既不改 <code>out</code>，也不改网络。
rules-values =
    <strong>数值。</strong>每个 32 位浮点数都是合法输入：NaN、±0、±∞ 和次正规数的结果都与 PyTorch 相同。ReLU 在 0 处的导数取 0，这是 PyTorch 的选择。
rules-speed =
    <strong>速度。</strong>ReLU、Leaky ReLU 及其反向传播使用 WebAssembly SIMD 循环，一条指令处理四个元素：给出 <code>out</code> 时，
    对几千个元素的一次调用比普通 JavaScript 循环快 2 到 15 倍。不给 <code>out</code> 时，调用的很大一部分时间花在浏览器创建新数组上，
    与创建新数组的 JavaScript 循环一样。sigmoid 和 tanh 分别与基于 <code>Math.exp</code>、<code>Math.tanh</code>
    的循环速度相当，给出 <code>out</code> 时略快一些。每次调用在开始计算前约有半微秒的固定开销，所以只处理几个数时，普通 JavaScript 一样快。

## 逐元素函数

elementwise-title = 逐元素函数
api-torch = 对应的 PyTorch
api-returns = 返回
api-throws = 抛出错误的情形
api-example = 示例
api-run = 运行
api-output = 输出
returns-new-or-out = 一个与 <code>x</code> 等长的新 <code>Float32Array</code>；给出 <code>out</code> 时返回 <code>out</code>。
throws-forward = <code>x</code> 不是 <code>Float32Array</code>；给出了 <code>out</code>，但它不是与 <code>x</code> 等长的 <code>Float32Array</code>。
throws-backward = <code>x</code> 或 <code>gradOutput</code> 不是 <code>Float32Array</code>；两者长度不同；<code>out</code> 有误（与前向函数相同）。
throws-leaky = 与 <code>relu</code> 相同；此外，给出了 <code>negativeSlope</code> 但它不是有限数。
throws-leaky-backward = 与 <code>reluBackward</code> 相同；此外，给出了 <code>negativeSlope</code> 但它不是有限数。
relu-about =
    逐元素计算 ReLU：<code>x</code> 为正时取 <code>x</code>，否则取 0。PyTorch 用 <code>clamp_min(x, 0)</code> 计算它，NaN 仍是 NaN，−0 仍是 −0；这里也一样。
relu-backward-about =
    在 <code>y = relu(x)</code> 和 <code>y.backward(gradOutput)</code> 之后，自动求导写入 <code>x.grad</code> 的值：<code>x</code>
    为正处是上游梯度，<code>x</code> ≤ 0 处是 0。恰好在 0 处导数未定义，PyTorch 取 0。输入为 NaN 时梯度会通过，与 PyTorch 的比较方式一致。
leaky-about =
    Leaky ReLU：<code>x</code> 为正时取 <code>x</code>，否则取 <code>negativeSlope × x</code>，因此负输入仍有梯度。<code>negativeSlope</code>
    可省略，默认 0.01，与 PyTorch 相同。它会先舍入为 32 位浮点数，与 PyTorch 的浮点张量一样：默认值实际上是 0.0099999998。
leaky-backward-about =
    Leaky ReLU 的 <code>x.grad</code>：<code>x</code> 为正处是上游梯度，其余各处（包括 0）是该梯度乘以 <code>negativeSlope</code>。
sigmoid-about =
    logistic sigmoid 函数 1 / (1 + e<sup>−x</sup>)，把每个输入压缩到 [0, 1] 之间。与 PyTorch 的结果相差不超过末位的几个单位。
sigmoid-backward-about =
    sigmoid 的 <code>x.grad</code>：上游梯度乘以 y(1 − y)，其中 y = sigmoid(x)。它最大为 0.25（在 x = 0 处），|x| 很大时极小：
    这正是探索器中深度实验所展示的梯度消失。
tanh-about =
    双曲正切，把每个输入压缩到 [−1, 1] 之间，以零为中心。与 PyTorch 的结果相差不超过末位的几个单位。
tanh-backward-about =
    tanh 的 <code>x.grad</code>：上游梯度乘以 1 − y²，其中 y = tanh(x)：在 x = 0 处为 1，|x| 很大时趋于消失。

## Mlp

mlp-title = 小型网络：<code>Mlp</code>
mlp-intro =
    <code>Mlp</code> 是一个全连接网络：若干线性层，除最后一层外每层之后接隐藏层激活函数，输出层是线性的，相当于由
    <code>nn.Linear</code> 和激活层组成的 <code>torch.nn.Sequential</code>。它用全批量梯度下降在均方误差上训练。网络存放在
    WebAssembly 内存中；方法的参数被复制进去，结果被复制出来。网络不再被引用后，
    浏览器会在垃圾回收时释放这块内存；调用 <code>net.free()</code> 则立即释放，释放后的网络不能再使用。
mlp-new-torch = 对于 sizes <code>[2, 3, 1]</code>，即 <code>nn.Sequential(nn.Linear(2, 3), nn.ReLU(), nn.Linear(3, 1))</code>
mlp-new-returns = 一个所有权重和偏置都为 0 的网络，直到调用 <code>initialize</code> 或 <code>setLayer</code>。<code>net.sizes</code> 和 <code>net.activation</code> 读回构造时给出的值。
mlp-new-throws = <code>sizes</code> 不是含 2 到 65 个尺寸、每个在 1 到 256 之间的 <code>Uint32Array</code>；<code>activation</code> 不是 <code>"relu"</code>、<code>"leaky_relu"</code>、<code>"sigmoid"</code> 或 <code>"tanh"</code>；给出了 <code>negativeSlope</code> 但它不是有限数。
mlp-new-about =
    第 i 层把 <code>sizes[i]</code> 个输入映射为 <code>sizes[i + 1]</code> 个输出，因此 sizes 为 <code>[2, 3, 1]</code> 的网络有两层（编号 0 和 1）和 3 个隐藏单元。
    <code>negativeSlope</code> 只对 <code>"leaky_relu"</code> 有意义。
mlp-layer-torch = <code>net[2 * i].weight</code> 与 <code>net[2 * i].bias</code>：布局相同，按行存储 <code>[out][in]</code>
mlp-layer-returns = <code>setLayer</code> 不返回值；<code>weight(i)</code> 和 <code>bias(i)</code> 各返回一个新的 <code>Float32Array</code>。
mlp-layer-throws = <code>i</code> 不是某一层的编号；权重不是 out × in 个数，或偏置不是 out 个数；两者之一不是 <code>Float32Array</code>。
mlp-layer-about =
    读写某一层的参数。手工设定参数，可以得到一个每个数都已知的网络，便于讲解例题或出练习。
mlp-init-torch = 带随机种子的 <code>nn.init.kaiming_normal_</code>、<code>xavier_uniform_</code>、<code>normal_</code>、<code>uniform_</code>
mlp-init-returns = 不返回值；所有权重和偏置都被替换。
mlp-init-throws = <code>scheme</code> 不是这四种之一；<code>seed</code> 不是 0 到 2<sup>53</sup> − 1 之间的整数；给出了 <code>biasInit</code> 或 <code>std</code> 但不是有限数（<code>std</code> 还不能为负）。
mlp-init-about =
    按种子生成随机权重：<code>"he"</code>（正态分布，标准差 √(2 / 扇入)，适合 ReLU）、<code>"xavier"</code>（均匀分布，适合 sigmoid 和 tanh）、
    <code>"normal"</code>（标准差为 <code>std</code>，默认 1）或 <code>"uniform"</code>（−0.5 到 0.5 之间）。每个偏置都设为 <code>biasInit</code>，默认 0。
    同一个种子在每个浏览器、每台机器上都得到同一个网络，所以全班看到的数值相同。
mlp-forward-torch = 在 <code>torch.no_grad()</code> 下的 <code>net(inputs)</code>
mlp-forward-returns = 输出，一个新的 <code>Float32Array</code>，按行存储 <code>[n][out]</code>。
mlp-forward-throws = <code>inputs</code> 不是 <code>Float32Array</code>，或所含的数不是整数行（至少 1 行）、每行 <code>in</code> 个数。
mlp-forward-about =
    网络对 n 个输入（逐行给出）的输出。示例中两个 ReLU 单元合起来计算 |x₀ − x₁|：对 0 和 1 的输入，这就是异或。
mlp-train-torch = 在 <code>zero_grad()</code> 之后执行 <code>loss = F.mse_loss(net(inputs), targets); loss.backward(); optimizer.step()</code>，其中 <code>optimizer = torch.optim.SGD(net.parameters(), lr=learningRate)</code>
mlp-train-returns = 这一步之前的损失，一个数。
mlp-train-throws = <code>inputs</code> 与 <code>targets</code> 的行数 n 不同或 n 小于 1；<code>learningRate</code> 不是有限数。损失不是有限数的一步仍会执行，与 PyTorch 一样：请检查损失。
mlp-train-about =
    在全部 n × out 个输出的均方误差上做一步梯度下降，所有样本一起计算。可以在循环中调用，也可以每个动画帧调用一次，展示网络的学习过程。
mlp-dead-torch = 没有单独的函数：对每个隐藏层计算 <code>(pre_activation &lt;= 0).all(dim=0)</code>
mlp-dead-returns = 一个 <code>Uint8Array</code>，每个隐藏单元一项，逐层排列：死亡单元为 1，存活单元为 0。
mlp-dead-throws = 与 <code>forward</code> 相同。
mlp-dead-about =
    对这些输入而言哪些隐藏单元已经死亡：若一个单元对每个输入的预激活值都 ≤ 0，它对所有输入都输出 0，不回传任何梯度，因此无法靠学习恢复。
    示例中第三个单元的偏置为 −10，使它对每个输入都不激活。
