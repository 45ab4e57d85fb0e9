import { describe, expect, it } from "vitest";
import { passwordProblem } from "./password-strength.ts";

const me = { email: "wang.lin-2024@example.cn", name: "王琳" };

describe("passwordProblem", () => {
  it.each([
    ["aaaaaaaaaa", /容易被猜到/],
    ["1234567890", /容易被猜到/],
    ["password123", /容易被猜到/],
    ["woaini1314520", /容易被猜到/],
    ["qwertyuiop12", /容易被猜到/],
    ["short1!", /至少 10 个字符/],
    [me.email, /邮箱或姓名/],
    ["wanglin2024!", /邮箱或姓名/],
    ["linwang-1234", /邮箱或姓名/],
    ["zhangwei19900307", /生日/],
    ["abc1990-03-07x", /生日/],
    ["13800138000ab", /手机号/],
    ["zhangsan12345", /拼音姓名/],
  ])("refuses %s with a Chinese reason", (password, reason) => {
    expect(passwordProblem(password, me)).toMatch(reason);
  });

  it.each(["correct horse battery", "雨后-Tiger-窗台-8472", "Xk9#mPq2vL", "蓝色河马-跳过-Fence-1937"])("accepts %s", (password) => {
    expect(passwordProblem(password, me)).toBeNull();
  });
});
