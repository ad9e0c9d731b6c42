// SPDX-License-Identifier: MIT
// A token's transfers, as OpenZeppelin's contracts write them.
pragma solidity ^0.8.20;

import {IERC20} from "./IERC20.sol";
import "../../utils/Context.sol";

interface IVotes {
    function getVotes(address account) external view returns (uint256);
}

abstract contract ERC20 is Context, IERC20 {
    mapping(address account => uint256) private _balances;

    modifier onlyHolder() {
        require(_balances[msg.sender] > 0, "no balance");
        _;
    }

    function transfer(address to, uint256 value) public virtual returns (bool) {
        _update(_msgSender(), to, value);
        return true;
    }

    function _update(address from, address to, uint256 value) internal virtual {
        uint256 fromBalance = _balances[from];
        if (fromBalance < value) {
            revert("insufficient balance");
        }
        _balances[from] = fromBalance - value;
        _balances[to] += value;
    }
}
